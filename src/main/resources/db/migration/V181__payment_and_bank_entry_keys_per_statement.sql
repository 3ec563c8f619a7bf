-- Bank statements at 100,000 entries (issue 17) and the payments import (issue 14): a payment's customer and a bank
-- entry's statement are checked once per statement, not once per row, as V166 did for the invoice's customer.
--
-- PostgreSQL checks a foreign key with one query per inserted row. A bank statement of 100,000 entries inserts
-- 100,000 bank entries naming one statement and 94,954 payments naming 75,000-82,000 customers; the payments import of
-- the 100 k portfolio 4.6 M payments naming 100,000 customers. In psql on the 100 k portfolio (docs/performance.md,
-- "Session 14"), 95,000 payments took 1.14-1.38 s with the key, 0.87-0.90 s with the check below and 0.70 s with
-- neither; 100,000 bank entries 1.28-1.43 s, 1.03-1.16 s and 0.95-1.08 s.
--
-- The guarantees are V166's: after every insert each distinct key of the written rows is looked up and locked FOR KEY
-- SHARE (a missing one raises the key's own error, 23503, under the key's name); a change of the key is checked per
-- row; the referenced row cannot be deleted or renumbered while a row names it (NO ACTION at the end of the statement,
-- V166's ledger_key_kept). As there, a deleter in REPEATABLE READ or SERIALIZABLE would not see a row committed after
-- its snapshot was taken: no code deletes customers or bank statements. key_rows_checked below is the check of any
-- such key to a table's bigint id (V183 and V184 use it too).

-- The rows p_keys name in p_referenced (by id) exist, and stay until this transaction ends; else the error of the
-- foreign key <p_table>_<p_column>_fkey that the check replaces. One query per statement, however many keys.
CREATE FUNCTION key_rows_held(p_table TEXT, p_column TEXT, p_referenced TEXT, p_keys BIGINT[]) RETURNS VOID
    LANGUAGE plpgsql AS
$$
DECLARE
    missing BIGINT;
BEGIN
    EXECUTE format('SELECT w.id FROM unnest($1) AS w (id)
                    WHERE NOT EXISTS (SELECT 1 FROM %I r WHERE r.id = w.id FOR KEY SHARE) LIMIT 1', p_referenced)
        INTO missing USING p_keys;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%_%_fkey"', p_table, p_table, p_column
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = p_table || '_' || p_column || '_fkey', TABLE = p_table,
                DETAIL = format('Key (%s)=(%s) is not present in table "%s".', p_column, missing, p_referenced);
    END IF;
END
$$;

-- The trigger of such a key: TG_ARGV[0] the column, TG_ARGV[1] the referenced table. At statement level after an
-- insert, the distinct keys of the transition table key_rows_written; at row level after an update, the new key.
CREATE FUNCTION key_rows_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    keys BIGINT[];
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM key_rows_written WHERE %1$I IS NOT NULL', TG_ARGV[0])
            INTO keys;
    ELSE
        EXECUTE format('SELECT ARRAY[($1).%I]', TG_ARGV[0]) INTO keys USING NEW;
    END IF;
    PERFORM key_rows_held(TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[1], keys);
    RETURN NULL;
END
$$;

ALTER TABLE payment DROP CONSTRAINT payment_customer_id_fkey;

CREATE TRIGGER payment_keys_checked AFTER INSERT ON payment REFERENCING NEW TABLE AS key_rows_written
    FOR EACH STATEMENT EXECUTE FUNCTION key_rows_checked('customer_id', 'customer');
CREATE TRIGGER payment_keys_checked_on_change AFTER UPDATE OF customer_id ON payment
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION key_rows_checked('customer_id', 'customer');

DROP TRIGGER customer_keeps_its_ledger_del ON customer;
DROP TRIGGER customer_keeps_its_ledger_upd ON customer;
CREATE TRIGGER customer_keeps_its_ledger_del AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'payment');
CREATE TRIGGER customer_keeps_its_ledger_upd AFTER UPDATE OF id ON customer
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'payment');

-- A bank statement's entries: one statement per file, so one probe instead of one per entry.
ALTER TABLE bank_entry DROP CONSTRAINT bank_entry_statement_id_fkey;

CREATE TRIGGER bank_entry_statements_checked AFTER INSERT ON bank_entry REFERENCING NEW TABLE AS key_rows_written
    FOR EACH STATEMENT EXECUTE FUNCTION key_rows_checked('statement_id', 'bank_statement');
CREATE TRIGGER bank_entry_statement_checked_on_change AFTER UPDATE OF statement_id ON bank_entry
    FOR EACH ROW WHEN (OLD.statement_id IS DISTINCT FROM NEW.statement_id)
    EXECUTE FUNCTION key_rows_checked('statement_id', 'bank_statement');

CREATE TRIGGER bank_statement_keeps_its_entries_del AFTER DELETE ON bank_statement
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'statement_id', 'bank_entry');
CREATE TRIGGER bank_statement_keeps_its_entries_upd AFTER UPDATE OF id ON bank_statement
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_key_kept('id', 'statement_id', 'bank_entry');
