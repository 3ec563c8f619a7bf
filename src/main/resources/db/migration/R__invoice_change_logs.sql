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
--
-- Session 11 (V92): an invoice's open amount lives in open_item (something open) or paid_item (paid in full), not in
-- invoice. So the logs come from three tables: a new invoice (open, so not scoring's), a payment in part (an
-- update of open_item), a payment in full or a reopening (an insert into or a delete from paid_item, with
-- scoring's log since a paid row changed), and the rare hand edit of invoice itself. Each log still receives the
-- distinct customers of the old and new rows of what changed, scoring's only those with a paid invoice among them.
CREATE OR REPLACE FUNCTION invoice_change_logs() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_TABLE_NAME = 'paid_item' THEN
        IF TG_OP = 'INSERT' THEN
            WITH touched AS MATERIALIZED (SELECT DISTINCT customer_id FROM touched_new),
                worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
                aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
                escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
            INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched;
        ELSE
            WITH touched AS MATERIALIZED (SELECT DISTINCT customer_id FROM touched_old),
                worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
                aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
                escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
            INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched;
        END IF;
    ELSIF TG_TABLE_NAME = 'open_item' THEN
        WITH touched AS MATERIALIZED (
                SELECT customer_id FROM touched_new
                UNION
                SELECT customer_id FROM touched_old),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched;
    ELSIF TG_OP = 'INSERT' THEN
        WITH touched AS MATERIALIZED (SELECT DISTINCT customer_id FROM touched_new),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH touched AS MATERIALIZED (
                SELECT customer_id, bool_or(EXISTS (SELECT 1 FROM paid_item p WHERE p.id = changed.id)) AS paid
                FROM (SELECT id, customer_id FROM touched_new
                      UNION ALL
                      SELECT id, customer_id FROM touched_old) AS changed
                GROUP BY customer_id),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched),
            escalation AS (INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO score_closed_touched (customer_id) SELECT customer_id FROM touched WHERE paid;
    ELSE
        -- A deleted invoice's paid_item row goes with it (ON DELETE CASCADE), and that delete logs it for scoring.
        WITH touched AS MATERIALIZED (SELECT DISTINCT customer_id FROM touched_old),
            worklist AS (INSERT INTO collections_worklist_touched (customer_id) SELECT customer_id FROM touched),
            aging AS (INSERT INTO aging_today_touched (customer_id) SELECT customer_id FROM touched)
        INSERT INTO escalation_today_touched (customer_id) SELECT customer_id FROM touched;
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

-- A new open item comes with a new invoice or with a paid_item row deleted, and an open item goes with a paid_item
-- row inserted or with its invoice: those log it.
DROP TRIGGER IF EXISTS open_item_change_logs_upd ON open_item;
CREATE TRIGGER open_item_change_logs_upd AFTER UPDATE ON open_item REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
DROP TRIGGER IF EXISTS paid_item_change_logs_ins ON paid_item;
DROP TRIGGER IF EXISTS paid_item_change_logs_del ON paid_item;
CREATE TRIGGER paid_item_change_logs_ins AFTER INSERT ON paid_item REFERENCING NEW TABLE AS touched_new
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
CREATE TRIGGER paid_item_change_logs_del AFTER DELETE ON paid_item REFERENCING OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_change_logs();
-- V154's function of its three triggers, replaced above.
DROP FUNCTION IF EXISTS score_closed_touch();

-- Session 11 (V92): the published functions of later versions than V92 that read invoice.open_amount, reading
-- open_item instead (same statements otherwise; the historical branches rebuild open amounts from allocations as
-- before). Here because on a new database they are created after V92; a versioned migration that defines one of
-- them again must read open_item too, and must come before this file drops the columns (change it here instead).
-- V113__credit_check_snapshot.sql
CREATE OR REPLACE FUNCTION ledger_contract_exposure(p_customer_id BIGINT, p_contract_no TEXT)
    RETURNS TABLE (currency TEXT, open_receivables NUMERIC, released_orders NUMERIC)
    LANGUAGE sql STABLE AS
$$
SELECT CAST(d.currency AS TEXT), sum(d.open_receivables), sum(d.released_orders)
FROM (
    SELECT o.currency, 0 AS open_receivables, o.amount AS released_orders
    FROM sales_order o
    WHERE o.customer_id = p_customer_id AND o.contract_no = p_contract_no AND o.status = 'RELEASED'
    UNION ALL
    SELECT oi.currency, oi.open_amount, 0
    FROM open_item oi
    JOIN invoice i ON i.id = oi.id
    JOIN sales_order o ON o.order_no = i.order_no AND o.customer_id = i.customer_id
    WHERE oi.customer_id = p_customer_id AND o.contract_no = p_contract_no
) AS d
GROUP BY d.currency
$$;

-- V121__customer_figures.sql
CREATE OR REPLACE FUNCTION customer_figures(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, credit_limit NUMERIC, limit_currency CHAR(3), exposure NUMERIC,
                   overdue_amount NUMERIC, max_days_overdue INTEGER, escalation_level INTEGER, risk_class TEXT)
    LANGUAGE sql STABLE AS
$$
SELECT c.id,
       l.amount,
       l.currency,
       coalesce(b.open_receivables + b.released_orders - b.unapplied_credit, 0),
       coalesce(o.overdue_amount, 0),
       coalesce(o.max_days_overdue, 0),
       coalesce((SELECT max(e.level) FROM credit_policy_escalation e WHERE e.from_days <= o.max_days_overdue), 0),
       a.risk_class
FROM customer c
LEFT JOIN credit_limit l ON l.customer_id = c.id AND l.contract_no IS NULL AND l.superseded_at IS NULL
LEFT JOIN credit_balance b ON b.customer_id = c.id AND b.currency = c.currency
LEFT JOIN credit_account a ON a.customer_id = c.id
LEFT JOIN LATERAL (
    SELECT sum(i.open_amount) AS overdue_amount, max(p_as_of - i.due_date) AS max_days_overdue
    FROM open_item i
    WHERE i.customer_id = c.id AND i.due_date < p_as_of AND i.currency = c.currency
) o ON TRUE
$$;

-- V135__receivables_summary_from_open_amounts.sql
CREATE OR REPLACE FUNCTION ledger_receivables_summary(p_customer_id BIGINT, p_as_of DATE)
    RETURNS TABLE (open_receivables NUMERIC, overdue_amount NUMERIC, max_days_overdue INTEGER,
                   released_orders NUMERIC, unapplied_cash NUMERIC)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS
$$
#variable_conflict use_column
DECLARE
    v_currency customer.currency%TYPE;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of)
       AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of)
       AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.customer_id = p_customer_id AND p.bounced_on > p_as_of)
    THEN
        SELECT c.currency INTO v_currency FROM customer c WHERE c.id = p_customer_id;
        RETURN QUERY
        WITH open_items AS (
            SELECT i.due_date, i.open_amount
            FROM open_item i
            WHERE i.customer_id = p_customer_id
              AND i.currency = v_currency AND i.issue_date <= p_as_of
        ),
        unapplied AS (
            SELECT p.unapplied AS amount
            FROM payment p
            WHERE p.customer_id = p_customer_id AND p.unapplied > 0
              AND p.currency = v_currency AND p.received_on <= p_as_of
              AND (p.bounced_on IS NULL OR p.bounced_on > p_as_of)
            UNION ALL
            SELECT n.unapplied
            FROM credit_note n
            WHERE n.customer_id = p_customer_id AND n.unapplied > 0
              AND n.currency = v_currency AND n.issue_date <= p_as_of
        )
        SELECT
            (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o),
            (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o WHERE o.due_date < p_as_of),
            (SELECT coalesce(max(p_as_of - o.due_date), 0) FROM open_items o WHERE o.due_date < p_as_of),
            (SELECT coalesce(sum(so.amount), 0) FROM sales_order so
             WHERE so.customer_id = p_customer_id
               AND so.currency = v_currency
               AND so.status = 'RELEASED'
               AND so.order_date <= p_as_of),
            -- 0.00 rather than 0 when the customer has settled payments or credit notes, as V115 gives.
            (SELECT coalesce(sum(u.amount),
                             CASE WHEN EXISTS (
                                      SELECT 1 FROM payment p
                                      WHERE p.customer_id = p_customer_id
                                        AND p.currency = v_currency
                                        AND p.received_on <= p_as_of
                                        AND (p.bounced_on IS NULL OR p.bounced_on > p_as_of))
                                    OR EXISTS (
                                      SELECT 1 FROM credit_note n
                                      WHERE n.customer_id = p_customer_id
                                        AND n.currency = v_currency
                                        AND n.issue_date <= p_as_of)
                                  THEN 0.00 ELSE 0 END)
             FROM unapplied u);
        RETURN;
    END IF;
    RETURN QUERY
    WITH customer_currency AS (
        SELECT c.currency FROM customer c WHERE c.id = p_customer_id
    ),
    changed AS (
        SELECT a.invoice_id, a.payment_id, a.credit_note_id FROM allocation a
        WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of
        UNION ALL
        SELECT a.invoice_id, a.payment_id, a.credit_note_id FROM allocation a
        WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of
    ),
    invoice_candidates AS (
        SELECT i.id FROM open_item i WHERE i.customer_id = p_customer_id
        UNION
        SELECT ch.invoice_id FROM changed ch WHERE ch.invoice_id IS NOT NULL
    ),
    payment_candidates AS (
        SELECT p.id FROM payment p WHERE p.customer_id = p_customer_id AND p.unapplied > 0
        UNION
        SELECT p.id FROM payment p
        WHERE p.customer_id = p_customer_id AND p.bounced_on IS NOT NULL AND p.bounced_on > p_as_of
        UNION
        SELECT ch.payment_id FROM changed ch WHERE ch.payment_id IS NOT NULL
    ),
    credit_note_candidates AS (
        SELECT n.id FROM credit_note n WHERE n.customer_id = p_customer_id AND n.unapplied > 0
        UNION
        SELECT ch.credit_note_id FROM changed ch WHERE ch.credit_note_id IS NOT NULL
    ),
    open_items AS (
        SELECT i.due_date, i.amount - coalesce(s.amount, 0) AS open_amount
        FROM invoice i
        JOIN invoice_candidates k ON k.id = i.id
        LEFT JOIN LATERAL (
            SELECT sum(a.amount) AS amount FROM allocation a
            WHERE a.invoice_id = i.id
              AND a.customer_id = p_customer_id
              AND a.allocated_on <= p_as_of
              AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
        ) s ON true
        WHERE i.customer_id = p_customer_id
          AND i.currency = (SELECT cc.currency FROM customer_currency cc)
          AND i.issue_date <= p_as_of
    ),
    unapplied AS (
        SELECT p.amount - coalesce(s.amount, 0) AS amount
        FROM payment p
        JOIN payment_candidates k ON k.id = p.id
        LEFT JOIN LATERAL (
            SELECT sum(a.amount) AS amount FROM allocation a
            WHERE a.payment_id = p.id
              AND a.customer_id = p_customer_id
              AND a.allocated_on <= p_as_of
              AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
        ) s ON true
        WHERE p.customer_id = p_customer_id
          AND p.currency = (SELECT cc.currency FROM customer_currency cc)
          AND p.received_on <= p_as_of
          AND (p.bounced_on IS NULL OR p.bounced_on > p_as_of)
        UNION ALL
        SELECT n.amount - coalesce(s.amount, 0)
        FROM credit_note n
        JOIN credit_note_candidates k ON k.id = n.id
        LEFT JOIN LATERAL (
            SELECT sum(a.amount) AS amount FROM allocation a
            WHERE a.credit_note_id = n.id
              AND a.customer_id = p_customer_id
              AND a.allocated_on <= p_as_of
              AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
        ) s ON true
        WHERE n.customer_id = p_customer_id
          AND n.currency = (SELECT cc.currency FROM customer_currency cc)
          AND n.issue_date <= p_as_of
    )
    SELECT
        (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o WHERE o.open_amount > 0),
        (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o
         WHERE o.open_amount > 0 AND o.due_date < p_as_of),
        (SELECT coalesce(max(p_as_of - o.due_date), 0) FROM open_items o
         WHERE o.open_amount > 0 AND o.due_date < p_as_of),
        (SELECT coalesce(sum(so.amount), 0) FROM sales_order so
         WHERE so.customer_id = p_customer_id
           AND so.currency = (SELECT cc.currency FROM customer_currency cc)
           AND so.status = 'RELEASED'
           AND so.order_date <= p_as_of),
        -- 0.00 rather than 0 when the customer has settled payments or credit notes, as the full rebuild gave.
        (SELECT coalesce(sum(u.amount),
                         CASE WHEN EXISTS (
                                  SELECT 1 FROM payment p
                                  WHERE p.customer_id = p_customer_id
                                    AND p.currency = (SELECT cc.currency FROM customer_currency cc)
                                    AND p.received_on <= p_as_of
                                    AND (p.bounced_on IS NULL OR p.bounced_on > p_as_of))
                                OR EXISTS (
                                  SELECT 1 FROM credit_note n
                                  WHERE n.customer_id = p_customer_id
                                    AND n.currency = (SELECT cc.currency FROM customer_currency cc)
                                    AND n.issue_date <= p_as_of)
                              THEN 0.00 ELSE 0 END)
         FROM unapplied u);
END
$$;

-- V136__credit_snapshot_in_plain_steps.sql
CREATE OR REPLACE FUNCTION ledger_overdue_items(p_customer_id BIGINT, p_as_of DATE, p_cutoff DATE)
    RETURNS TABLE (invoice_id BIGINT, currency TEXT, open_amount NUMERIC, days_overdue INTEGER)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS
$$
#variable_conflict use_column
BEGIN
    IF NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of)
       AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of)
    THEN
        RETURN QUERY
        SELECT i.id, CAST(i.currency AS TEXT), CAST(i.open_amount AS NUMERIC), p_as_of - i.due_date
        FROM open_item i
        WHERE i.customer_id = p_customer_id
          AND i.due_date < p_cutoff AND i.issue_date <= p_as_of;
        RETURN;
    END IF;
    RETURN QUERY
    WITH candidates AS (
        SELECT i.id FROM open_item i
        WHERE i.customer_id = p_customer_id AND i.due_date < p_cutoff
        UNION
        SELECT a.invoice_id FROM allocation a
        WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of
        UNION
        SELECT a.invoice_id FROM allocation a
        WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of
    )
    SELECT i.id, CAST(i.currency AS TEXT), i.amount - coalesce(s.amount, 0), p_as_of - i.due_date
    FROM invoice i
    JOIN candidates c ON c.id = i.id
    LEFT JOIN LATERAL (
        SELECT sum(a.amount) AS amount
        FROM allocation a
        WHERE a.invoice_id = i.id
          AND a.allocated_on <= p_as_of
          AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
    ) s ON true
    WHERE i.due_date < p_cutoff
      AND i.issue_date <= p_as_of
      AND i.amount - coalesce(s.amount, 0) > 0;
END
$$;

-- V144__plan_limit_cap_of_one_customer.sql
CREATE OR REPLACE FUNCTION plan_limit_cap(p_customer_id BIGINT, p_as_of DATE) RETURNS NUMERIC
    LANGUAGE sql STABLE AS
$$
WITH plan AS (SELECT fund_plan_in_force(p_as_of) AS id),
     own AS (SELECT sum(fc.amount) AS amount, count(*) AS n
             FROM fund_plan_customer fc JOIN plan ON fc.plan_id = plan.id
             WHERE fc.customer_id = p_customer_id),
     area_plan AS (SELECT c.area_code, sum(fa.amount) AS amount
                   FROM customer c
                   JOIN fund_plan_area fa ON fa.area_code = c.area_code
                   JOIN plan ON fa.plan_id = plan.id
                   WHERE c.id = p_customer_id
                     AND (SELECT n FROM own) = 0
                   GROUP BY c.area_code),
     area_customer AS (SELECT c.id FROM customer c JOIN area_plan ap ON ap.area_code = c.area_code),
     base AS (SELECT base_currency FROM company_settings WHERE id = 1),
     rates AS (SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
               FROM exchange_rate r JOIN base b ON r.to_currency = b.base_currency
               WHERE r.valid_on <= p_as_of
               ORDER BY r.from_currency, r.valid_on DESC),
     open AS (SELECT i.customer_id,
                     sum(i.open_amount * CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END) AS amount
              FROM area_customer ac
              JOIN open_item i ON i.customer_id = ac.id
              CROSS JOIN base b
              LEFT JOIN rates r ON r.currency = i.currency
              GROUP BY i.customer_id),
     planned AS (SELECT fc.customer_id, sum(fc.amount) AS amount
                 FROM area_customer ac
                 JOIN fund_plan_customer fc ON fc.customer_id = ac.id
                 JOIN plan ON fc.plan_id = plan.id
                 GROUP BY fc.customer_id),
     area_used AS (SELECT sum(coalesce(pc.amount, o.amount, 0)) AS used
                   FROM area_customer ac
                   LEFT JOIN open o ON o.customer_id = ac.id
                   LEFT JOIN planned pc ON pc.customer_id = ac.id)
SELECT CASE WHEN (SELECT n FROM own) > 0 THEN (SELECT amount FROM own)
            ELSE (SELECT coalesce((SELECT o.amount FROM open o WHERE o.customer_id = p_customer_id), 0)
                         + greatest(ap.amount - (SELECT used FROM area_used), 0)
                  FROM area_plan ap) END
$$;

-- The columns open_item and paid_item replace (V92). Their partial indexes (open_amount > 0, open_amount = 0) go
-- with them. Nothing may read a copy that is no longer kept.
ALTER TABLE invoice DROP COLUMN IF EXISTS open_amount, DROP COLUMN IF EXISTS last_allocated_on;
