-- Bank statements at 100,000 entries (issue 17) and the payments import (issue 14): a payment's customer and a bank
-- entry's statement are checked once per statement, not once per row, as V166 did for the invoice's customer.
--
-- PostgreSQL checks a foreign key with one query per inserted row. A bank statement of 100,000 entries inserts
-- 100,000 bank entries naming one statement and 94,954 payments naming 75,000-82,000 customers; the payments import of
-- the 100 k portfolio 4.6 M payments naming 100,000 customers. In psql on the 100 k portfolio (docs/performance.md,
-- "Session 14"), 95,000 payments took 1.14-1.38 s with the key, 0.87-0.90 s with the check below and 0.70 s with
-- neither; 100,000 bank entries 1.28-1.43 s, 1.03-1.16 s and 0.95-1.08 s.
--
-- The guarantees are V166's, with its functions: after every insert each distinct key of the written rows is looked
-- up and locked FOR KEY SHARE (a missing one raises the key's own error, 23503, under the key's name); a change of the
-- key is checked per row; the referenced row cannot be deleted or renumbered while a row names it (NO ACTION at the end
-- of the statement, V166's ledger_key_kept). As there, a deleter in REPEATABLE READ or SERIALIZABLE would not see a
-- row committed after its snapshot was taken: no code deletes customers or bank statements.

ALTER TABLE payment DROP CONSTRAINT payment_customer_id_fkey;

-- Statement level, after an insert into a table whose only checked key is its customer (transition table
-- ledger_written).
CREATE FUNCTION ledger_customers_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_keys_held(TG_TABLE_NAME, ARRAY(SELECT DISTINCT customer_id FROM ledger_written), ARRAY[]::TEXT[]);
    RETURN NULL;
END
$$;

-- Row level, after an update that changes the customer.
CREATE FUNCTION ledger_customer_checked_on_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM ledger_keys_held(TG_TABLE_NAME, ARRAY[NEW.customer_id], ARRAY[]::TEXT[]);
    RETURN NULL;
END
$$;

CREATE TRIGGER payment_keys_checked AFTER INSERT ON payment REFERENCING NEW TABLE AS ledger_written
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_customers_checked();
CREATE TRIGGER payment_keys_checked_on_change AFTER UPDATE OF customer_id ON payment
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION ledger_customer_checked_on_change();

DROP TRIGGER customer_keeps_its_ledger_del ON customer;
DROP TRIGGER customer_keeps_its_ledger_upd ON customer;
CREATE TRIGGER customer_keeps_its_ledger_del AFTER DELETE ON customer
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'payment');
CREATE TRIGGER customer_keeps_its_ledger_upd AFTER UPDATE OF id ON customer
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_key_kept('id', 'customer_id', 'invoice', 'payment');

-- A bank statement's entries: one statement per file, so one probe instead of one per entry.
ALTER TABLE bank_entry DROP CONSTRAINT bank_entry_statement_id_fkey;

CREATE FUNCTION bank_entry_statements_held(p_statements BIGINT[]) RETURNS VOID
    LANGUAGE plpgsql AS
$$
DECLARE
    missing BIGINT;
BEGIN
    SELECT w.id INTO missing
    FROM unnest(p_statements) AS w (id)
    WHERE NOT EXISTS (SELECT 1 FROM bank_statement s WHERE s.id = w.id FOR KEY SHARE)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "bank_entry" violates foreign key constraint "bank_entry_statement_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'bank_entry_statement_id_fkey', TABLE = 'bank_entry',
                DETAIL = format('Key (statement_id)=(%s) is not present in table "bank_statement".', missing);
    END IF;
END
$$;

CREATE FUNCTION bank_entry_statements_checked() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_LEVEL = 'STATEMENT' THEN
        PERFORM bank_entry_statements_held(ARRAY(SELECT DISTINCT statement_id FROM bank_entry_written));
    ELSE
        PERFORM bank_entry_statements_held(ARRAY[NEW.statement_id]);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER bank_entry_statements_checked AFTER INSERT ON bank_entry REFERENCING NEW TABLE AS bank_entry_written
    FOR EACH STATEMENT EXECUTE FUNCTION bank_entry_statements_checked();
CREATE TRIGGER bank_entry_statement_checked_on_change AFTER UPDATE OF statement_id ON bank_entry
    FOR EACH ROW WHEN (OLD.statement_id IS DISTINCT FROM NEW.statement_id)
    EXECUTE FUNCTION bank_entry_statements_checked();

CREATE TRIGGER bank_statement_keeps_its_entries_del AFTER DELETE ON bank_statement
    FOR EACH ROW EXECUTE FUNCTION ledger_key_kept('id', 'statement_id', 'bank_entry');
CREATE TRIGGER bank_statement_keeps_its_entries_upd AFTER UPDATE OF id ON bank_statement
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION ledger_key_kept('id', 'statement_id', 'bank_entry');
