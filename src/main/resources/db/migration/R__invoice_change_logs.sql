-- Issue 17, session 9: every write of invoice logs the customers it touched for four stored views — the stored
-- worklist (V53), today's aging (V133), today's escalation facts (V149) and scoring's kept sums of paid invoices
-- (V154) — in the same transaction as the write. Each had its own statement trigger, and each scanned the
-- transition tables and collected their customers again: four hash aggregations over the old and new rows of every
-- invoice statement (a bank statement's open-amount update: 100,000 rows each). One trigger now collects the
-- customers once, with whether a paid row (open_amount = 0, before or after) is among theirs, and writes the four
-- logs from that. Each log receives exactly what its own trigger wrote: the distinct customers of the old and new
-- rows (scoring's: only those with a paid row). No join of the transition tables (session 8: PL/pgSQL keeps the
-- first call's plan, and transition tables have no statistics).
--
-- A repeatable migration because it replaces triggers that versioned migrations of later version numbers created
-- (V133, V149, V154 run after this module's range V92-V99 on a new database). A versioned migration that creates
-- one of the dropped triggers again would double its log's rows (harmless, not free): change this file instead.
-- The four functions stay: the other tables' triggers use them (invoice_dispute, payment_promise, ...).
CREATE OR REPLACE FUNCTION invoice_change_logs() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        WITH touched AS MATERIALIZED (
                SELECT customer_id, bool_or(open_amount = 0) AS paid FROM touched_new GROUP BY customer_id),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
            escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched WHERE paid;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH touched AS MATERIALIZED (
                SELECT customer_id, bool_or(open_amount = 0) AS paid
                FROM (SELECT customer_id, open_amount FROM touched_new
                      UNION ALL
                      SELECT customer_id, open_amount FROM touched_old) AS changed
                GROUP BY customer_id),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
            escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched WHERE paid;
    ELSE
        WITH touched AS MATERIALIZED (
                SELECT customer_id, bool_or(open_amount = 0) AS paid FROM touched_old GROUP BY customer_id),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
            escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched WHERE paid;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS invoice_worklist_ins ON invoice;
DROP TRIGGER IF EXISTS invoice_worklist_upd ON invoice;
DROP TRIGGER IF EXISTS invoice_worklist_del ON invoice;
DROP TRIGGER IF EXISTS invoice_aging_ins ON invoice;
DROP TRIGGER IF EXISTS invoice_aging_upd ON invoice;
DROP TRIGGER IF EXISTS invoice_aging_del ON invoice;
DROP TRIGGER IF EXISTS invoice_escalation_ins ON invoice;
DROP TRIGGER IF EXISTS invoice_escalation_upd ON invoice;
DROP TRIGGER IF EXISTS invoice_escalation_del ON invoice;
DROP TRIGGER IF EXISTS invoice_score_closed_ins ON invoice;
DROP TRIGGER IF EXISTS invoice_score_closed_upd ON invoice;
DROP TRIGGER IF EXISTS invoice_score_closed_del ON invoice;

DROP TRIGGER IF EXISTS invoice_change_logs_ins ON invoice;
DROP TRIGGER IF EXISTS invoice_change_logs_upd ON invoice;
DROP TRIGGER IF EXISTS invoice_change_logs_del ON invoice;
CREATE TRIGGER invoice_change_logs_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
CREATE TRIGGER invoice_change_logs_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
CREATE TRIGGER invoice_change_logs_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
