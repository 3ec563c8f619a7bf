-- Bank statements at 100,000 entries (issue 17) and the payments import (issue 14): a paid item's invoice is checked
-- once per statement, not by a foreign key per row.
--
-- settle_open_items (V93) moves every invoice paid in full from open_item to paid_item; paid_item_id_fkey then probed
-- the invoice, which the writer's allocations had locked already, with a query per row. In psql on the 100 k portfolio
-- (docs/performance.md, "Session 14"), 95,000 paid items took 1.31-1.37 s with the key and 0.93-0.95 s without it.
--
-- The key's guarantees stay, as V166 keeps them for the invoice's customer:
--   1. After every insert each distinct invoice of the written rows is looked up and locked FOR KEY SHARE; a missing
--      one is refused under paid_item_id_fkey (23503). A change of a paid item's id is checked per row.
--   2. Deleting an invoice deletes its paid item (the key's ON DELETE CASCADE), once per statement; changing an
--      invoice's id is refused while a paid item names it (NO ACTION, V166's ledger_key_kept). No code deletes invoices
--      or changes their ids.

ALTER TABLE paid_item DROP CONSTRAINT paid_item_id_fkey;

-- V181's key_rows_checked.
CREATE TRIGGER paid_item_invoices_checked AFTER INSERT ON paid_item REFERENCING NEW TABLE AS key_rows_written
    FOR EACH STATEMENT EXECUTE FUNCTION key_rows_checked('id', 'invoice');
CREATE TRIGGER paid_item_invoice_checked_on_change AFTER UPDATE OF id ON paid_item
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION key_rows_checked('id', 'invoice');

CREATE FUNCTION invoice_paid_items_deleted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM paid_item p USING invoice_gone g WHERE p.id = g.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_paid_items_deleted AFTER DELETE ON invoice REFERENCING OLD TABLE AS invoice_gone
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_paid_items_deleted();
CREATE TRIGGER invoice_keeps_its_paid_item_upd AFTER UPDATE OF id ON invoice
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_key_kept('id', 'id', 'paid_item');
