-- Imports at 100,000 customers (issue 14 target 2): an allocation's customer is implied by its invoice, so the
-- database keeps it without a foreign-key check of its own per row.
--
-- Every writer stores the invoice's customer as allocation.customer_id (a payment or credit note settles invoices of
-- its own customer only: the import's check, the bank booking's plan and Invoicing refuse others), and V73 keeps
-- invoice_customer_id as a copy of the invoice's customer. allocation_customer_id_fkey checked customer once per row
-- (PostgreSQL runs one query per row and key: a sixth of writing an allocation, docs/performance.md "Session 10:
-- imports"). It is replaced by:
--   1. CHECK (customer_id = invoice_customer_id): evaluated on the row itself, no query.
--   2. A statement trigger that checks, once per statement, that every new allocation's copies (customer,
--      issue and due date, currency) are its invoice's. V73's BEFORE INSERT trigger fills them for writers that
--      leave them out; the writers that pass them (the payments import, the bank bookings) were trusted until now.
--      FOR SHARE keeps the invoice's columns as checked until the writer commits (the payments import, the bank
--      booking, a recorded payment and a credit note lock their invoices FOR UPDATE first and pay nothing for it).
--   3. allocation_invoice_id_fkey (kept) and invoice_customer_id_fkey: the allocation's invoice exists and its
--      customer exists; neither can be deleted while the allocation exists.
-- A later change of an invoice's customer goes through V73's invoice_copies_to_allocations, which copies the new
-- customer to invoice_customer_id and so fails the CHECK while the allocation names the old customer: an invoice with
-- settlements cannot move to another customer (no code moves invoices).

ALTER TABLE allocation DROP CONSTRAINT allocation_customer_id_fkey;

ALTER TABLE allocation
    ADD CONSTRAINT allocation_customer_is_invoice_customer CHECK (customer_id = invoice_customer_id);

-- Each new allocation probes its invoice's primary key in a correlated subquery: a plan of one shape whatever the first
-- statement of the session was (PL/pgSQL keeps it), so a one-row payment costs about 10 us more and a file of a
-- million allocations a probe per row without the foreign key's query per row (measured in "Session 10: imports").
-- A missing invoice is the invoice key's error, not this one's.
CREATE FUNCTION allocation_copies_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    wrong BIGINT;
BEGIN
    SELECT a.invoice_id INTO wrong
    FROM allocation_written a
    WHERE (SELECT (i.customer_id, i.issue_date, i.due_date, i.currency)
                      IS DISTINCT FROM (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date,
                                        a.invoice_currency)
           FROM invoice i
           WHERE i.id = a.invoice_id
           FOR SHARE)
    LIMIT 1;
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
