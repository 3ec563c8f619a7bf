-- Bank statements at 100,000 entries (issue 17) and the payments import (issue 14): an allocation's invoice and
-- payment are checked once per statement, inside V164's statement trigger, not by a foreign key per row.
--
-- V164's trigger already probed and locked every new allocation's invoice FOR SHARE (stronger than a key's FOR KEY
-- SHARE) to check the copies; allocation_invoice_id_fkey probed and locked it once more, and
-- allocation_payment_id_fkey probed the payment the writer had just inserted, each with a query per row. In psql on
-- the 100 k portfolio (docs/performance.md, "Session 14"), 95,000 allocations of a bank statement took 2.73 s with
-- both keys and 1.58-1.63 s without them.
--
-- The keys' guarantees stay, as V166 keeps them for the invoice's customer:
--   1. After every insert, a new allocation whose invoice does not exist is refused under allocation_invoice_id_fkey
--      (23503); each distinct payment named is looked up and locked FOR KEY SHARE, a missing one refused under
--      allocation_payment_id_fkey.
--   2. A change of an allocation's invoice or payment is checked per row.
--   3. Deleting an invoice or a payment, or changing its id, is refused while an allocation names it (NO ACTION at the
--      end of the statement, V166's ledger_key_kept). As there, a deleter in REPEATABLE READ or SERIALIZABLE would not
--      see an allocation committed after its snapshot was taken: no code deletes invoices or payments.

ALTER TABLE allocation DROP CONSTRAINT allocation_invoice_id_fkey, DROP CONSTRAINT allocation_payment_id_fkey;

CREATE OR REPLACE FUNCTION allocation_copies_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    wrong BIGINT;
    missing BOOLEAN;
BEGIN
    SELECT a.invoice_id, i.id IS NULL INTO wrong, missing
    FROM allocation_written a
    LEFT JOIN LATERAL (
        SELECT i.id, i.customer_id, i.issue_date, i.due_date, i.currency
        FROM invoice i
        WHERE i.id = a.invoice_id
        FOR SHARE) i ON TRUE
    WHERE i.id IS NULL
       OR (i.customer_id, i.issue_date, i.due_date, i.currency)
              IS DISTINCT FROM (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency)
    LIMIT 1;
    IF missing THEN
        RAISE EXCEPTION 'insert or update on table "allocation" violates foreign key constraint "allocation_invoice_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'allocation_invoice_id_fkey', TABLE = 'allocation',
                DETAIL = format('Key (invoice_id)=(%s) is not present in table "invoice".', wrong);
    ELSIF wrong IS NOT NULL THEN
        RAISE EXCEPTION 'an allocation of invoice % does not carry the invoice''s customer, dates and currency', wrong
            USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_copies_checked', TABLE = 'allocation';
    END IF;
    PERFORM key_rows_held('allocation', 'payment_id', 'payment',
                          ARRAY(SELECT DISTINCT payment_id FROM allocation_written WHERE payment_id IS NOT NULL));
    RETURN NULL;
END;
$$;

-- Row level, after an update that changes the invoice or the payment (V73's BEFORE UPDATE trigger has copied the new
-- invoice's columns, or nulls when there is none, which the copies' NOT NULL refuses first). V181's key_rows_checked.
CREATE TRIGGER allocation_invoice_checked_on_change AFTER UPDATE OF invoice_id ON allocation
    FOR EACH ROW WHEN (OLD.invoice_id IS DISTINCT FROM NEW.invoice_id)
    EXECUTE FUNCTION key_rows_checked('invoice_id', 'invoice');
CREATE TRIGGER allocation_payment_checked_on_change AFTER UPDATE OF payment_id ON allocation
    FOR EACH ROW WHEN (NEW.payment_id IS NOT NULL AND OLD.payment_id IS DISTINCT FROM NEW.payment_id)
    EXECUTE FUNCTION key_rows_checked('payment_id', 'payment');

CREATE TRIGGER invoice_keeps_its_allocations_del AFTER DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'invoice_id', 'allocation');
CREATE TRIGGER invoice_keeps_its_allocations_upd AFTER UPDATE OF id ON invoice
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_key_kept('id', 'invoice_id', 'allocation');
CREATE TRIGGER payment_keeps_its_allocations_del AFTER DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'payment_id', 'allocation');
CREATE TRIGGER payment_keeps_its_allocations_upd AFTER UPDATE OF id ON payment
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_key_kept('id', 'payment_id', 'allocation');
