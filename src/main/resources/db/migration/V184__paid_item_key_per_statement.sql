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

CREATE FUNCTION paid_item_invoices_held(p_invoices BIGINT[]) RETURNS VOID
    LANGUAGE plpgsql AS
$$
DECLARE
    missing BIGINT;
BEGIN
    SELECT w.id INTO missing
    FROM unnest(p_invoices) AS w (id)
    WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = w.id FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "paid_item" violates foreign key constraint "paid_item_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'paid_item_id_fkey', TABLE = 'paid_item',
                DETAIL = format('Key (id)=(%s) is not present in table "invoice".', missing);
    END IF;
END
$$;

CREATE FUNCTION paid_item_invoices_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM paid_item_invoices_held(ARRAY(SELECT id FROM paid_item_written));
    ELSE
        PERFORM paid_item_invoices_held(ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER paid_item_invoices_checked AFTER INSERT ON paid_item REFERENCING NEW TABLE AS paid_item_written
    FOR EACH STATEMENT EXECUTE FUNCTION paid_item_invoices_checked();
CREATE TRIGGER paid_item_invoice_checked_on_change AFTER UPDATE OF id ON paid_item
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION paid_item_invoices_checked();

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
