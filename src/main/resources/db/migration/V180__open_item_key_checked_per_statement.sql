-- Imports at 100,000 customers (issue 14 target 2): an open item's invoice is checked once per statement, and an
-- invoice written by the same transaction is not locked again.
--
-- open_item_id_fkey ran one query per new open item, and locked its invoice FOR KEY SHARE: a WAL record and a
-- dirtied page per invoice, though nearly every open item is written by the statement that writes its invoice (the
-- invoices import, a new invoice by the API), which no other transaction can see, let alone delete. At 5,000
-- customers it was about a fifth of merging an invoices file (23.3 CPU s with it, 18.1 without; docs/performance.md,
-- "Session 12: invoices and orders imports"). Its plan, kept for a whole statement, was also a sequential scan of
-- invoice when `invoice` had been emptied and vacuumed (quadratic: 286.8 CPU s instead of 23). It is replaced by V166's
-- kind of check, with the same guarantees:
--   1. After every insert into open_item, each new item's invoice exists; one this transaction did not write is locked
--      FOR KEY SHARE, as the key's check did, so it cannot be deleted or renumbered until the writer commits. A
--      missing one raises the key's own error (23503, open_item_id_fkey). The invoice's own writer is recognised by
--      the row's xmin; a row written in a subtransaction (a savepoint) has another xmin and is locked: correct, only
--      dearer.
--   2. Deleting an invoice deletes its open item (ON DELETE CASCADE, as before; no code deletes invoices). An
--      invoice's id cannot change at all (GENERATED ALWAYS), so the key's ON UPDATE check has nothing to replace.
-- An open item's id never changes (no code updates it); a change is checked per row like an insert.

ALTER TABLE open_item DROP CONSTRAINT open_item_id_fkey;

-- The ids of open items written: each is an invoice, and stays one until this transaction ends. Probed one id at a
-- time by the primary key, CASE so that the lock is taken only for an invoice another transaction wrote. PL/pgSQL
-- keeps the plan it made on the session's first call: enable_seqscan is off while it plans, so that a first call
-- on a near-empty invoice table (a new database) cannot keep a sequential scan per probe for a later file of a
-- million invoices — the quadratic plan the per-row key fell into after a VACUUM of an empty invoice table.
CREATE FUNCTION open_items_invoiced(p_ids BIGINT[]) RETURNS VOID
    LANGUAGE plpgsql
    SET enable_seqscan = off AS
$$
DECLARE
    missing BIGINT;
BEGIN
    SELECT w.id INTO missing
    FROM unnest(p_ids) AS w (id)
    WHERE CASE
              WHEN EXISTS (SELECT 1 FROM invoice i WHERE i.id = w.id AND i.xmin = CAST(pg_current_xact_id() AS xid))
                  THEN FALSE
              ELSE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = w.id FOR KEY SHARE)
          END
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "open_item" violates foreign key constraint "open_item_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'open_item_id_fkey', TABLE = 'open_item',
                DETAIL = format('Key (id)=(%s) is not present in table "invoice".', missing);
    END IF;
END
$$;

CREATE FUNCTION open_items_invoiced_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM open_items_invoiced(ARRAY(SELECT id FROM open_item_written));
    RETURN NULL;
END
$$;

CREATE FUNCTION open_item_invoiced_on_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM open_items_invoiced(ARRAY[NEW.id]);
    RETURN NULL;
END
$$;

CREATE TRIGGER open_item_invoice_checked AFTER INSERT ON open_item REFERENCING NEW TABLE AS open_item_written
    FOR EACH STATEMENT EXECUTE FUNCTION open_items_invoiced_checked();
CREATE TRIGGER open_item_invoice_checked_on_change AFTER UPDATE OF id ON open_item
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION open_item_invoiced_on_change();

-- The referenced side: a deleted invoice takes its open item with it.
CREATE FUNCTION invoice_open_item_deleted() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM open_item WHERE id = OLD.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_open_item_del AFTER DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_open_item_deleted();
