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
DROP TRIGGER customer_keeps_its_ledger_del ON customer;
DROP TRIGGER customer_keeps_its_ledger_upd ON customer;
DROP TRIGGER product_line_keeps_its_ledger_del ON product_line;
DROP TRIGGER product_line_keeps_its_ledger_upd ON product_line;
CREATE TRIGGER customer_keeps_its_ledger_del AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'sales_order');
CREATE TRIGGER customer_keeps_its_ledger_upd AFTER UPDATE OF id ON customer
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'sales_order');
CREATE TRIGGER product_line_keeps_its_ledger_del AFTER DELETE ON product_line
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('code', 'product_line', 'invoice', 'sales_order');
CREATE TRIGGER product_line_keeps_its_ledger_upd AFTER UPDATE OF code ON product_line
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION ledger_key_kept('code', 'product_line', 'invoice', 'sales_order');
