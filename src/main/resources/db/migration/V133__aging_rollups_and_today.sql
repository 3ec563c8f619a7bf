-- Issue 18, session 6: the aging pages at 100,000 customers.
--
-- 1. A compact rollup of every aging snapshot (per area, business group, currency and bucket), written by the
--    daily run in the same transaction as the per-customer snapshot and pruned with it: a 12-month trend reads a
--    few hundred rows instead of grouping about 1.8 M per-customer snapshot rows. The area and business group are
--    the customer's at the run (the trend is history; a customer moved since stays where it was).
CREATE TABLE aging_snapshot_rollup (
    as_of          DATE NOT NULL,
    area_code      TEXT NOT NULL,
    business_group TEXT NOT NULL,
    currency       CHAR(3) NOT NULL,
    bucket         TEXT NOT NULL,
    customers      INTEGER NOT NULL,
    invoices       INTEGER NOT NULL,
    open_amount    NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (as_of, area_code, business_group, currency, bucket)
);

-- The snapshots kept before this migration get their rollup once (customers' current area and group).
INSERT INTO aging_snapshot_rollup (as_of, area_code, business_group, currency, bucket, customers, invoices, open_amount)
SELECT s.as_of, c.area_code, c.business_group, s.currency, s.bucket, count(DISTINCT s.customer_id), sum(s.invoices),
       sum(s.open_amount)
FROM aging_snapshot s
JOIN customer c ON c.id = s.customer_id
GROUP BY s.as_of, c.area_code, c.business_group, s.currency, s.bucket;

-- 2. Today's aging as stored by today's daily run, cut exactly like the live report (per customer, product line,
--    currency and bucket, with the disputed part capped per invoice) and kept with the customer's grouping
--    attributes at the time it was stored, plus its rollup. A read answers with the rollup less the stored rows
--    of the customers touched since plus those customers recomputed with the live rule, so it equals the live
--    computation at every moment (AgingTodayRepository). Used only while state.as_of is today and the buckets
--    are the same (bucket_set); otherwise today is computed live as before.
CREATE TABLE aging_today_state (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of      DATE,
    bucket_set TEXT,
    built_at   TIMESTAMPTZ,
    build_ms   BIGINT
);
INSERT INTO aging_today_state (id) VALUES (1);

-- No foreign keys: rebuilt in bulk by the daily run of today.
CREATE TABLE aging_today (
    customer_id    BIGINT NOT NULL,
    area_code      TEXT NOT NULL,
    business_group TEXT NOT NULL,
    sales_rep      TEXT,
    product_line   TEXT,
    currency       CHAR(3) NOT NULL,
    bucket         TEXT NOT NULL,
    open_amount    NUMERIC NOT NULL,
    disputed       NUMERIC NOT NULL
);
CREATE INDEX aging_today_customer_idx ON aging_today (customer_id);

-- Two rollups in one table: by area, business group and product line (by_rep false, sales_rep NULL: a few
-- hundred rows at 100,000 customers) and by area and sales rep (by_rep true, business_group and product_line
-- NULL: one row per rep and bucket). Together in one row they would be ~78,000 rows at 100,000 customers.
CREATE TABLE aging_today_rollup (
    by_rep         BOOLEAN NOT NULL,
    area_code      TEXT NOT NULL,
    business_group TEXT,
    sales_rep      TEXT,
    product_line   TEXT,
    currency       CHAR(3) NOT NULL,
    bucket         TEXT NOT NULL,
    open_amount    NUMERIC NOT NULL,
    disputed       NUMERIC NOT NULL
);

-- Customers whose aging may have changed since today's aging was stored: written in the same transaction as the
-- change by the statement triggers below (one insert per statement, also for bulk imports), emptied by the next
-- store. Its own log (the stored worklist's, V53, is consumed by the worklist's replay). Not unique on purpose.
CREATE TABLE aging_today_touched (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

CREATE FUNCTION aging_today_touch() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO aging_today_touched (customer_id) SELECT DISTINCT customer_id FROM touched_new;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO aging_today_touched (customer_id)
        SELECT customer_id FROM touched_new UNION SELECT customer_id FROM touched_old;
    ELSE
        INSERT INTO aging_today_touched (customer_id) SELECT DISTINCT customer_id FROM touched_old;
    END IF;
    RETURN NULL;
END
$$;

-- What the live aging reads by customer: the invoices (every settlement, credit note and bounce changes
-- invoice.open_amount) and the disputes (collections' invoice_dispute, read through invoice_disputed_amounts).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['invoice', 'invoice_dispute'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS touched_new
                        FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch()', t || '_aging_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch()', t || '_aging_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch()', t || '_aging_del', t);
    END LOOP;
END
$$;

-- The customer's grouping attributes (its rows move to another area, group or sales rep).
CREATE FUNCTION aging_today_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO aging_today_touched (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id
     WHERE n.area_code IS DISTINCT FROM o.area_code OR n.business_group IS DISTINCT FROM o.business_group
        OR n.sales_rep IS DISTINCT FROM o.sales_rep;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_aging_upd AFTER UPDATE ON customer
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch_customer();
