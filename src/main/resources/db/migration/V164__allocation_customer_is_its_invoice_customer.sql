-- Imports at 100,000 customers (issue 14 target 2): an allocation's customer is implied by its invoice, so the
-- database keeps it without a foreign-key check of its own per row.
--
-- Every writer stores the invoice's customer as allocation.customer_id (a payment or credit note settles invoices of
-- its own customer only: the import's check, the bank booking's plan and Invoicing refuse others), and V73 keeps
-- invoice_customer_id as a copy of the invoice's customer. allocation_customer_id_fkey checked customer once per row
-- (PostgreSQL runs one query per row and key: a sixth of writing an allocation, docs/performance.md "Session 10:
-- imports"). It is replaced by:
--   1. CHECK (customer_id = invoice_customer_id): evaluated on the row itself, no query.
--   2. A statement trigger that checks, in one join per statement, that every new allocation's copies (customer,
--      issue and due date, currency) are its invoice's. V73's BEFORE INSERT trigger fills them for writers that
--      leave them out; the writers that pass them (the payments import, the bank bookings) were trusted until now.
--      FOR SHARE keeps the invoice's columns as checked until the writer commits (writers that locked the invoices
--      FOR UPDATE already, as all three do, pay nothing for it).
--   3. allocation_invoice_id_fkey (kept) and invoice_customer_id_fkey: the allocation's invoice exists and its
--      customer exists; neither can be deleted while the allocation exists.
-- A later change of an invoice's customer goes through V73's invoice_copies_to_allocations, which copies the new
-- customer to invoice_customer_id and so fails the CHECK while the allocation names the old customer: an invoice with
-- settlements cannot move to another customer (no code moves invoices).

ALTER TABLE allocation DROP CONSTRAINT allocation_customer_id_fkey;

ALTER TABLE allocation
    ADD CONSTRAINT allocation_customer_is_invoice_customer CHECK (customer_id = invoice_customer_id);

-- Dynamic SQL: planned for each statement with the real number of new rows (a one-row payment probes the invoice's
-- primary key, a file of a million allocations hashes), not the first statement's plan kept for the session.
CREATE FUNCTION allocation_copies_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    wrong BIGINT;
BEGIN
    EXECUTE $q$
        SELECT min(checked.invoice_id)
        FROM (SELECT i.id AS invoice_id,
                     (i.customer_id, i.issue_date, i.due_date, i.currency)
                         IS DISTINCT FROM (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date,
                                           a.invoice_currency) AS differs
              FROM allocation_written a
              JOIN invoice i ON i.id = a.invoice_id
              FOR SHARE OF i) checked
        WHERE checked.differs
        $q$ INTO wrong;
    IF wrong IS NOT NULL THEN
        RAISE EXCEPTION 'an allocation of invoice % does not carry the invoice''s customer, dates and currency', wrong
            USING ERRCODE = 'check_violation', CONSTRAINT = 'allocation_copies_checked', TABLE = 'allocation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER allocation_copies_checked
    AFTER INSERT ON allocation
    REFERENCING NEW TABLE AS allocation_written
    FOR EACH STATEMENT EXECUTE FUNCTION allocation_copies_checked();
