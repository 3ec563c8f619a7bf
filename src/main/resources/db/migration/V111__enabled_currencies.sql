-- Issue 15 finding 8: the currencies the company trades in. Invoices, orders, payments, credit notes,
-- customers and the CSV imports accept only these (and the base currency); others are refused with 422.
-- ISO codes that are no money one invoices in (XXX, XAU, XTS, ...) are never enabled by default.
ALTER TABLE company_settings
    ADD COLUMN enabled_currencies TEXT[] NOT NULL
        DEFAULT ARRAY['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'CHF', 'SGD', 'AUD', 'CAD'];
