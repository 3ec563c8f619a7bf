-- Imports at 100,000 customers (issue 14 target 2): an invoice's customer and product line are checked once per
-- statement, not once per row.
--
-- invoice_customer_id_fkey and invoice_product_line_fkey ran one query per row and key (PostgreSQL 18 has no batched
-- foreign-key check): with open_item's key, 43 % of the backend CPU of merging an invoices file (314,119 invoices of
-- the 5,000-customer portfolio: 23.3 CPU s with the keys, 13.4 without; docs/performance.md, "Session 12: invoices and
-- orders imports"). They are replaced by the same guarantees, checked per statement on the invoice's side and per row
-- on the rarely written referenced side:
--   1. After every insert into invoice, each distinct customer and product line of the written rows is looked up by
--      its key and locked FOR KEY SHARE, as the keys' own checks did, so neither can be deleted or
--      renumbered until the writer commits; one missing raises the key's own error (23503, same constraint name).
--      A concurrent delete of the customer makes the lock find nothing: refused as before.
--   2. Deleting a customer or a product line, or changing its key, is refused while an invoice names it (NO ACTION, at
--      the end of the statement, as before). The deleter waits for an invoice writer's lock; when that writer has
--      committed, the check's fresh snapshot sees its invoice.
--      Unlike a real key's check, which uses a cross-check snapshot, a deleter in REPEATABLE READ or SERIALIZABLE
--      would not see an invoice committed after its snapshot was taken: no code deletes or renumbers customers or
--      product lines; delete them by hand in READ COMMITTED (the default).
-- The checks probe the keys one distinct value at a time (a correlated subquery that keeps its lock, so PL/pgSQL's
-- kept plan has one shape whether the first statement of the session wrote one invoice or a million). An update is
-- checked per row and only when it changes a key, as the keys did (no code changes them).
-- allocation_invoice_id_fkey and V164's reliance on "the invoice's customer exists" are unchanged in effect.

ALTER TABLE invoice DROP CONSTRAINT invoice_customer_id_fkey, DROP CONSTRAINT invoice_product_line_fkey;

-- The customers and product lines a statement of p_table wrote exist, and stay until this transaction ends.
CREATE FUNCTION ledger_keys_held(p_table TEXT, p_customers BIGINT[], p_product_lines TEXT[]) RETURNS VOID
    LANGUAGE plpgsql AS
$$
DECLARE
    missing TEXT;
BEGIN
    SELECT CAST(w.id AS TEXT) INTO missing
    FROM unnest(p_customers) AS w (id)
    WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.id = w.id FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_customer_id_fkey"', p_table, p_table
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = p_table || '_customer_id_fkey', TABLE = p_table,
                DETAIL = format('Key (customer_id)=(%s) is not present in table "customer".', missing);
    END IF;
    SELECT w.code INTO missing
    FROM unnest(p_product_lines) AS w (code)
    WHERE NOT EXISTS (SELECT 1 FROM product_line p WHERE p.code = w.code FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_product_line_fkey"', p_table, p_table
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = p_table || '_product_line_fkey', TABLE = p_table,
                DETAIL = format('Key (product_line)=(%s) is not present in table "product_line".', missing);
    END IF;
END
$$;

-- Statement level, after an insert: the distinct keys of the rows written (transition table ledger_written).
CREATE FUNCTION ledger_keys_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_keys_held(TG_TABLE_NAME,
                             ARRAY(SELECT DISTINCT customer_id FROM ledger_written),
                             ARRAY(SELECT DISTINCT product_line FROM ledger_written WHERE product_line IS NOT NULL));
    RETURN NULL;
END
$$;

-- Row level, after an update that changes a key.
CREATE FUNCTION ledger_keys_checked_on_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_keys_held(TG_TABLE_NAME, ARRAY[NEW.customer_id], array_remove(ARRAY[NEW.product_line], NULL));
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_keys_checked AFTER INSERT ON invoice REFERENCING NEW TABLE AS ledger_written
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_keys_checked();
CREATE TRIGGER invoice_keys_checked_on_change AFTER UPDATE OF customer_id, product_line ON invoice
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id OR OLD.product_line IS DISTINCT FROM NEW.product_line)
    EXECUTE FUNCTION ledger_keys_checked_on_change();

-- The referenced side: a customer or product line named by a ledger row keeps its row and its key. TG_ARGV: the
-- referenced key's column, the ledger tables' column naming it, then the ledger tables. Rare (no code deletes either
-- or changes their keys), so one dynamic probe per table and row.
CREATE FUNCTION ledger_key_kept() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    named BOOLEAN;
BEGIN
    FOR i IN 2 .. TG_NARGS - 1 LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I t WHERE t.%I = ($1).%I)', TG_ARGV[i], TG_ARGV[1], TG_ARGV[0])
            INTO named USING OLD;
        IF named THEN
            RAISE EXCEPTION 'update or delete on table "%" violates foreign key constraint "%_%_fkey" on table "%"',
                    TG_TABLE_NAME, TG_ARGV[i], TG_ARGV[1], TG_ARGV[i]
                USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[i] || '_' || TG_ARGV[1] || '_fkey',
                    TABLE = TG_TABLE_NAME,
                    DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[0],
                                    to_jsonb(OLD) ->> TG_ARGV[0], TG_ARGV[i]);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

CREATE TRIGGER customer_keeps_its_ledger_del AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice');
CREATE TRIGGER customer_keeps_its_ledger_upd AFTER UPDATE OF id ON customer
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice');
CREATE TRIGGER product_line_keeps_its_ledger_del AFTER DELETE ON product_line
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('code', 'product_line', 'invoice');
CREATE TRIGGER product_line_keeps_its_ledger_upd AFTER UPDATE OF code ON product_line
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION ledger_key_kept('code', 'product_line', 'invoice');
