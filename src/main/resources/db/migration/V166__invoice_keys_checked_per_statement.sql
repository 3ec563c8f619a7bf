-- Imports at 100,000 customers (issue 14 target 2): an invoice's customer and product line are checked once per
-- statement, not once per row.
--
-- invoice_customer_id_fkey and invoice_product_line_fkey ran one query per row and key (PostgreSQL 18 has no batched
-- foreign-key check): with open_item's key, 43 % of the backend CPU of merging an invoices file (314,119 invoices of
-- the 5,000-customer portfolio: 23.3 CPU s with the keys, 13.4 without; docs/performance.md, "Session 12: invoices and
-- orders imports"). They are replaced by the same guarantees, checked per statement on the invoice's side and per row
-- on the rarely written referenced side:
--   1. After every insert into or update of invoice, each distinct customer and product line of the written rows is
--      looked up by its key and locked FOR KEY SHARE, as the keys' own checks did, so neither can be deleted or
--      renumbered until the writer commits; one missing raises the key's own error (23503, same constraint name).
--      A concurrent delete of the customer makes the lock find nothing: refused as before.
--   2. Deleting a customer or a product line, or changing its key, is refused while an invoice names it (NO ACTION, at
--      the end of the statement, as before). The deleter waits for an invoice writer's lock; when that writer has
--      committed, the check's fresh snapshot sees its invoice.
-- The checks probe the keys one distinct value at a time (a correlated subquery that keeps its lock, so PL/pgSQL's
-- kept plan has one shape whether the first statement of the session wrote one invoice or a million).
-- allocation_invoice_id_fkey and V164's reliance on "the invoice's customer exists" are unchanged in effect.

ALTER TABLE invoice DROP CONSTRAINT invoice_customer_id_fkey, DROP CONSTRAINT invoice_product_line_fkey;

CREATE FUNCTION invoice_keys_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    missing TEXT;
BEGIN
    SELECT CAST(w.customer_id AS TEXT) INTO missing
    FROM (SELECT DISTINCT customer_id FROM invoice_written) w
    WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = w.customer_id FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "invoice" violates foreign key constraint "invoice_customer_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_customer_id_fkey', TABLE = 'invoice',
                DETAIL = format('Key (customer_id)=(%s) is not present in table "customer".', missing);
    END IF;
    SELECT w.product_line INTO missing
    FROM (SELECT DISTINCT product_line FROM invoice_written WHERE product_line IS NOT NULL) w
    WHERE NOT EXISTS (SELECT 1 FROM product_line p WHERE p.code = w.product_line FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "invoice" violates foreign key constraint "invoice_product_line_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_product_line_fkey', TABLE = 'invoice',
                DETAIL = format('Key (product_line)=(%s) is not present in table "product_line".', missing);
    END IF;
    RETURN NULL;
END
$$;

-- Transition tables allow one event per trigger.
CREATE TRIGGER invoice_keys_checked_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS invoice_written
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_keys_checked();
CREATE TRIGGER invoice_keys_checked_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS invoice_written
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_keys_checked();

CREATE FUNCTION customer_keeps_its_invoices() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "customer" violates foreign key constraint "invoice_customer_id_fkey" on table "invoice"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_customer_id_fkey', TABLE = 'customer',
                DETAIL = format('Key (id)=(%s) is still referenced from table "invoice".', OLD.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER customer_keeps_its_invoices_del AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_keeps_its_invoices();
CREATE TRIGGER customer_keeps_its_invoices_upd AFTER UPDATE OF id ON customer
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION customer_keeps_its_invoices();

CREATE FUNCTION product_line_keeps_its_invoices() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM invoice i WHERE i.product_line = OLD.code) THEN
        RAISE EXCEPTION 'update or delete on table "product_line" violates foreign key constraint "invoice_product_line_fkey" on table "invoice"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_product_line_fkey', TABLE = 'product_line',
                DETAIL = format('Key (code)=(%s) is still referenced from table "invoice".', OLD.code);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_line_keeps_its_invoices_del AFTER DELETE ON product_line
    FOR EACH ROW EXECUTE FUNCTION product_line_keeps_its_invoices();
CREATE TRIGGER product_line_keeps_its_invoices_upd AFTER UPDATE OF code ON product_line
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION product_line_keeps_its_invoices();
