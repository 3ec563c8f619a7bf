-- Sales appraisal KPIs at 100,000 customers (issue 11), step 2: each settlement carries what reporting needs of
-- its invoice, so the KPI statement reads a period's settlements (and those after a period's end) from one index
-- instead of looking up ~1 M invoices one by one (V72 left that as ~60 % of its time).
--
-- ledger's data: allocation.invoice_customer_id, invoice_issue_date, invoice_due_date and invoice_currency are
-- copies of the allocated invoice's columns. A writer may pass them, read from the invoice it settles in the same
-- statement (the payments import and the bank bookings do: one join instead of a lookup per row); for every other
-- writer (a single payment or credit note, the demo and bench generators) a BEFORE INSERT trigger fills them
-- from the invoice. Changing a copy, or an allocation's invoice, takes the invoice's columns again, and should an
-- invoice's columns ever change, a trigger on the invoice copies them to its allocations (no ledger code changes
-- them today; the open-amount updates of every settlement do not fire it).

ALTER TABLE allocation
    ADD COLUMN invoice_customer_id BIGINT,
    ADD COLUMN invoice_issue_date  DATE,
    ADD COLUMN invoice_due_date    DATE,
    ADD COLUMN invoice_currency    CHAR(3);

-- The V72 covering index is replaced by one with the copied columns (below); dropping it first spares the
-- backfill one index write per row. invoice_id_dates_idx served only the lookups this migration removes.
DROP INDEX allocation_allocated_on_covering_idx;
DROP INDEX invoice_id_dates_idx;

UPDATE allocation a
   SET invoice_customer_id = i.customer_id,
       invoice_issue_date = i.issue_date,
       invoice_due_date = i.due_date,
       invoice_currency = i.currency
  FROM invoice i
 WHERE i.id = a.invoice_id;

ALTER TABLE allocation
    ALTER COLUMN invoice_customer_id SET NOT NULL,
    ALTER COLUMN invoice_issue_date SET NOT NULL,
    ALTER COLUMN invoice_due_date SET NOT NULL,
    ALTER COLUMN invoice_currency SET NOT NULL;

CREATE FUNCTION allocation_copies_invoice() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    SELECT i.customer_id, i.issue_date, i.due_date, i.currency
      INTO NEW.invoice_customer_id, NEW.invoice_issue_date, NEW.invoice_due_date, NEW.invoice_currency
      FROM invoice i
     WHERE i.id = NEW.invoice_id;
    RETURN NEW;
END;
$$;

-- Only when a writer left a copy out: a writer that passes them (from the invoice, in the same statement) pays
-- no call per row.
CREATE TRIGGER allocation_copies_invoice
    BEFORE INSERT ON allocation
    FOR EACH ROW
    WHEN (NEW.invoice_customer_id IS NULL OR NEW.invoice_issue_date IS NULL OR NEW.invoice_due_date IS NULL
          OR NEW.invoice_currency IS NULL)
    EXECUTE FUNCTION allocation_copies_invoice();

CREATE TRIGGER allocation_copy_follows_invoice
    BEFORE UPDATE OF invoice_id, invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency
    ON allocation
    FOR EACH ROW EXECUTE FUNCTION allocation_copies_invoice();

CREATE FUNCTION invoice_copies_to_allocations() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (NEW.customer_id, NEW.issue_date, NEW.due_date, NEW.currency)
       IS DISTINCT FROM (OLD.customer_id, OLD.issue_date, OLD.due_date, OLD.currency) THEN
        UPDATE allocation SET invoice_id = invoice_id WHERE invoice_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER invoice_copies_to_allocations
    AFTER UPDATE OF customer_id, issue_date, due_date, currency ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_copies_to_allocations();

-- The settlements of a date range with what the KPIs need of them and of their invoice (index-only scans); V72's
-- columns stay (invoice_id too), so no other reader of settlements by date loses its index-only scan.
CREATE INDEX allocation_allocated_on_covering_idx ON allocation (allocated_on)
    INCLUDE (invoice_id, amount, reversed_on, payment_id, credit_note_id,
             invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency);

-- ledger's data, published: each settlement with its invoice's customer, dates and currency (new last columns).
CREATE OR REPLACE VIEW receivable_settlement AS
SELECT a.invoice_id, a.customer_id, a.allocated_on AS settled_on, a.reversed_on, a.amount,
       CASE WHEN a.payment_id IS NOT NULL THEN 'PAYMENT'
            WHEN upper(cn.reason) LIKE 'WRITE\_OFF%' THEN 'WRITE_OFF'
            ELSE 'CREDIT_NOTE' END AS kind,
       a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency
  FROM allocation a
  LEFT JOIN credit_note cn ON cn.id = a.credit_note_id;
