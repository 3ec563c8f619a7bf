-- Issue 17, session 11: open amounts leave the invoice.
--
-- Paying an invoice in full rewrote the wide invoice row (a new version with an entry in each of its indexes, and
-- the change-log trigger): at 100,000 customers 5.8-6.5 backend CPU s and 870 MB of WAL per 100,000 invoices paid,
-- the largest single piece of a bank statement's booking and of the payments import's settling (docs/performance.md,
-- "Bank statements", "Session 10", point 3). An invoice's open amount now lives in one of two narrow tables, and
-- every invoice is in exactly one of them:
--   open_item  the invoices with something open (open_amount > 0): what the open-invoice readers read. Paying one in
--              part updates its narrow row; paying it in full deletes it.
--   paid_item  the invoices paid in full, written once when the last of the amount is settled, with the date of
--              the newest settlement not reversed (last_allocated_on): what scoring's kept sums and the payment
--              prediction read of paid invoices. A bounce that reopens one moves it back to open_item.
-- Both copy the invoice's customer, dates, currency and amount (and open_item its product line), which no code
-- changes after the invoice is written; a hand edit of invoice carries them over (invoice_items_follow below).
-- invoice.open_amount and invoice.last_allocated_on are dropped by R__invoice_change_logs.sql (repeatable: on a new
-- database the migrations V113-V171 that read them run after this one); from then on no code can read a stale copy.
CREATE TABLE open_item (
    id                BIGINT PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
    customer_id       BIGINT NOT NULL,
    issue_date        DATE NOT NULL,
    due_date          DATE NOT NULL,
    currency          CHAR(3) NOT NULL,
    product_line      TEXT,
    amount            NUMERIC(19, 2) NOT NULL,
    open_amount       NUMERIC(19, 2) NOT NULL CHECK (open_amount > 0 AND open_amount <= amount),
    -- The newest settlement not reversed of an invoice paid in part (NULL: none).
    last_allocated_on DATE
);

CREATE TABLE paid_item (
    id                BIGINT PRIMARY KEY REFERENCES invoice (id) ON DELETE CASCADE,
    customer_id       BIGINT NOT NULL,
    issue_date        DATE NOT NULL,
    due_date          DATE NOT NULL,
    currency          CHAR(3) NOT NULL,
    amount            NUMERIC(19, 2) NOT NULL,
    -- The day it was paid: its newest settlement not reversed.
    last_allocated_on DATE
);

INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount, open_amount,
                       last_allocated_on)
SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, open_amount, last_allocated_on
FROM invoice
WHERE open_amount > 0
ORDER BY id;

INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount, last_allocated_on)
SELECT id, customer_id, issue_date, due_date, currency, amount, last_allocated_on
FROM invoice
WHERE open_amount = 0
ORDER BY id;

-- The four partial open-invoice indexes of invoice (V90, V72, V147, V153), whole on open_item, same keys and
-- included columns.
CREATE INDEX open_item_customer_idx ON open_item (customer_id)
    INCLUDE (id, due_date, issue_date, currency, product_line, open_amount);
CREATE INDEX open_item_amount_idx ON open_item (open_amount, currency);
CREATE INDEX open_item_due_idx ON open_item (due_date) INCLUDE (customer_id, open_amount, currency, issue_date);
CREATE INDEX open_item_issue_idx ON open_item (issue_date) INCLUDE (customer_id, due_date, currency, open_amount);

-- The two partial paid-invoice indexes of invoice: the prediction's newest paid invoices per customer (V63) and
-- scoring's move of its kept sums by due date (V154); and by issue date, the move's other bands (it read them from
-- invoice_issue_date_idx and the invoice's heap).
CREATE INDEX paid_item_newest_idx ON paid_item (customer_id, last_allocated_on DESC, due_date DESC, id DESC)
    INCLUDE (amount);
CREATE INDEX paid_item_due_idx ON paid_item (due_date);
CREATE INDEX paid_item_issue_idx ON paid_item (issue_date);

-- A hand edit of an invoice's copied columns reaches its item, so no reader sees the old value (the ledger's code
-- never updates invoice: an invoice is written once). The open amount stays as it was, as it did in invoice.
CREATE FUNCTION invoice_items_follow() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE open_item
    SET customer_id = NEW.customer_id, issue_date = NEW.issue_date, due_date = NEW.due_date, currency = NEW.currency,
        product_line = NEW.product_line, amount = NEW.amount
    WHERE id = NEW.id;
    UPDATE paid_item
    SET customer_id = NEW.customer_id, issue_date = NEW.issue_date, due_date = NEW.due_date, currency = NEW.currency,
        amount = NEW.amount
    WHERE id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER invoice_items_follow AFTER UPDATE OF customer_id, issue_date, due_date, currency, product_line, amount
    ON invoice FOR EACH ROW EXECUTE FUNCTION invoice_items_follow();

-- The whole-row views publish the open amount as before (0 for a paid invoice).
CREATE OR REPLACE VIEW collections_invoice AS
SELECT i.id, i.invoice_no, i.customer_id, i.issue_date, i.due_date, i.amount, CAST(coalesce(o.open_amount, 0) AS NUMERIC(19, 2)) AS open_amount,
       i.currency
  FROM invoice i
  LEFT JOIN open_item o ON o.id = i.id;

-- The open ones alone, for collections' readers of open invoices (the invoice's own columns are joined only when
-- a reader names them: a left join to its primary key that the planner drops otherwise).
CREATE VIEW collections_open_invoice AS
SELECT o.id, i.invoice_no, o.customer_id, o.issue_date, o.due_date, o.amount, o.open_amount, o.currency
  FROM open_item o
  LEFT JOIN invoice i ON i.id = o.id;

CREATE OR REPLACE VIEW receivable_invoice AS
SELECT i.id, i.customer_id, i.invoice_no, i.order_no, i.issue_date, i.due_date, i.amount, i.currency,
       CAST(coalesce(o.open_amount, 0) AS NUMERIC(19, 2)) AS open_amount
  FROM invoice i
  LEFT JOIN open_item o ON o.id = i.id;

-- The open ones alone, for the appraisal's open invoices at the end of a period (open_item_issue_idx).
CREATE VIEW receivable_open_invoice AS
SELECT o.id, o.customer_id, i.invoice_no, i.order_no, o.issue_date, o.due_date, o.amount, o.currency, o.open_amount
  FROM open_item o
  LEFT JOIN invoice i ON i.id = o.id;

-- V81's and V82's published functions read the open invoices.
CREATE OR REPLACE FUNCTION plan_open_receivables(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, product_line TEXT, amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH base AS (SELECT base_currency FROM company_settings WHERE id = 1),
     rates AS (SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
               FROM exchange_rate r JOIN base b ON r.to_currency = b.base_currency
               WHERE r.valid_on <= p_as_of
               ORDER BY r.from_currency, r.valid_on DESC)
SELECT i.customer_id, i.product_line,
       sum(i.open_amount * CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END)
FROM open_item i
CROSS JOIN base b
LEFT JOIN rates r ON r.currency = i.currency
GROUP BY i.customer_id, i.product_line
$$;

CREATE OR REPLACE FUNCTION contract_lines_with_open(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, contract_no TEXT, credit_line NUMERIC, currency TEXT, valid_until DATE,
                   in_force BOOLEAN, open_amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH lines AS (SELECT l.customer_id, l.contract_no, l.amount, l.currency, l.valid_from, l.valid_until
               FROM credit_limit l
               WHERE l.superseded_at IS NULL AND l.contract_no IS NOT NULL),
     open AS (SELECT i.customer_id, o.contract_no, i.currency, sum(oi.open_amount) AS amount
              FROM open_item oi
              JOIN invoice i ON i.id = oi.id
              JOIN sales_order o ON o.order_no = i.order_no AND o.customer_id = i.customer_id
              WHERE o.contract_no IS NOT NULL
              GROUP BY i.customer_id, o.contract_no, i.currency)
SELECT l.customer_id, l.contract_no, l.amount, CAST(l.currency AS TEXT), l.valid_until,
       p_as_of BETWEEN l.valid_from AND l.valid_until,
       coalesce((SELECT sum(o.amount) FROM open o
                 WHERE o.customer_id = l.customer_id AND o.contract_no = l.contract_no AND o.currency = l.currency), 0)
FROM lines l
$$;
