-- Imports at 100,000 customers (issue 14 target 2): an order's customer and product line are checked once per
-- statement, as V166 does for invoices, not by a foreign key per row.
--
-- sales_order_customer_id_fkey and sales_order_product_line_fkey were 42 % of the orders merge (session 11: 28.6 CPU
-- s per million orders with them, 16.7 s without, in psql). The same guarantees with V166's functions: the written
-- rows' distinct customers and product lines looked up and locked FOR KEY SHARE once per insert statement, a key
-- change checked on its row (marking orders INVOICED changes none and is not checked, as before); a missing one
-- raises the key's own error (23503, same constraint name); a referenced customer or product line cannot be deleted
-- or change its key. Order entry writes one order per statement: it pays a statement trigger with a transition table
-- instead of two key queries (3,000 prepared one-row inserts in psql: +20-50 us of backend CPU each; measured in
-- docs/performance.md, "Session 12: invoices and orders imports").

ALTER TABLE sales_order DROP CONSTRAINT sales_order_customer_id_fkey, DROP CONSTRAINT sales_order_product_line_fkey;

CREATE TRIGGER sales_order_keys_checked AFTER INSERT ON sales_order REFERENCING NEW TABLE AS ledger_written
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_keys_checked();
CREATE TRIGGER sales_order_keys_checked_on_change AFTER UPDATE OF customer_id, product_line ON sales_order
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.product_line IS DISTINCT FROM NEW.product_line)
    EXECUTE FUNCTION ledger_keys_checked_on_change();

-- V166's referenced side, for orders too.
CREATE OR REPLACE FUNCTION customer_keeps_its_ledger() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "customer" violates foreign key constraint "invoice_customer_id_fkey" on table "invoice"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_customer_id_fkey', TABLE = 'customer',
                DETAIL = format('Key (id)=(%s) is still referenced from table "invoice".', OLD.id);
    END IF;
    IF EXISTS (SELECT 1 FROM sales_order o WHERE o.customer_id = OLD.id) THEN
        RAISE EXCEPTION 'update or delete on table "customer" violates foreign key constraint "sales_order_customer_id_fkey" on table "sales_order"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sales_order_customer_id_fkey', TABLE = 'customer',
                DETAIL = format('Key (id)=(%s) is still referenced from table "sales_order".', OLD.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION product_line_keeps_its_ledger() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM invoice i WHERE i.product_line = OLD.code) THEN
        RAISE EXCEPTION 'update or delete on table "product_line" violates foreign key constraint "invoice_product_line_fkey" on table "invoice"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'invoice_product_line_fkey', TABLE = 'product_line',
                DETAIL = format('Key (code)=(%s) is still referenced from table "invoice".', OLD.code);
    END IF;
    IF EXISTS (SELECT 1 FROM sales_order o WHERE o.product_line = OLD.code) THEN
        RAISE EXCEPTION 'update or delete on table "product_line" violates foreign key constraint "sales_order_product_line_fkey" on table "sales_order"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'sales_order_product_line_fkey', TABLE = 'product_line',
                DETAIL = format('Key (code)=(%s) is still referenced from table "sales_order".', OLD.code);
    END IF;
    RETURN NULL;
END
$$;
