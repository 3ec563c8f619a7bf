-- Sales appraisal KPIs at 100,000 customers (issue 11): the KPI statement no longer replays every settlement
-- of the book. What was open at a period's end is the invoice's open amount (kept by the ledger with every
-- allocation and reversal) plus what was settled after the end, less what was reversed after it; the
-- count-back DSO reads the newest months first and older months only for reps whose open receivables the
-- newer ones do not cover. The indexes below let each of those reads skip the wide invoice and allocation
-- rows (index-only scans); at 100,000 customers they take about 770 MB.

-- ledger's data, published: the current open amount with each invoice (a new last column).
CREATE OR REPLACE VIEW receivable_invoice AS
SELECT i.id, i.customer_id, i.invoice_no, i.order_no, i.issue_date, i.due_date, i.amount, i.currency, i.open_amount
  FROM invoice i;

-- The invoices of a date range: a period's invoicing, a DSO month's sales.
CREATE INDEX invoice_issue_date_idx ON invoice (issue_date) INCLUDE (customer_id, amount, currency);

-- The invoices open now, by issue date.
CREATE INDEX invoice_open_issue_idx ON invoice (issue_date) INCLUDE (customer_id, due_date, currency, open_amount)
    WHERE open_amount > 0;

-- The invoice of each settlement of a period (or after it): customer, dates and currency.
CREATE INDEX invoice_id_dates_idx ON invoice (id) INCLUDE (customer_id, issue_date, due_date, currency);

-- The settlements of a date range with what the KPIs need of them.
CREATE INDEX allocation_allocated_on_covering_idx ON allocation (allocated_on)
    INCLUDE (invoice_id, amount, reversed_on, payment_id, credit_note_id);
