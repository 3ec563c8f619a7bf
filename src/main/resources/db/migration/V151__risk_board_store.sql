-- Issue 18, session 7: the risk dashboard (/risk) at 100,000 customers.
--
-- The dashboard's two reads (customers and exposure per risk class and area; the biggest risks by exposure weighted
-- by the class) joined every score to its customer and credit balance on every request. Now each scored customer's
-- row (class, score, exposure in its currency, code, name, area) is stored, rebuilt after each full scoring run and
-- here once, with its rollup per class and area. A read takes the rollup (or the stored rows, for the biggest risks)
-- less the customers touched since plus those customers recomputed live in the same statement, so it equals the
-- live reads at every moment; a fold every minute moves the touched customers into the store. Before the store is
-- built (state.built_at NULL) the pages read live as before.
CREATE TABLE risk_board_state (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    built_at TIMESTAMPTZ,
    build_ms BIGINT
);
INSERT INTO risk_board_state (id) VALUES (1);

-- No foreign keys: rebuilt in bulk.
CREATE TABLE risk_board (
    customer_id BIGINT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    area_code   TEXT NOT NULL,
    currency    CHAR(3) NOT NULL,
    risk_class  TEXT NOT NULL,
    score       NUMERIC(6, 2) NOT NULL,
    exposure    NUMERIC NOT NULL
);
-- The biggest risks in the dashboard's order: the first rows of this index.
CREATE INDEX risk_board_top_idx ON risk_board ((exposure * (ascii(risk_class) - 64)) DESC, code) WHERE exposure > 0;

CREATE TABLE risk_board_cell (
    risk_class TEXT NOT NULL,
    area_code  TEXT NOT NULL,
    customers  BIGINT NOT NULL,
    exposure   NUMERIC NOT NULL,
    PRIMARY KEY (risk_class, area_code)
);

-- Customers whose row may have changed since it was stored, written in the same transaction as the change by the
-- statement triggers below; emptied by a rebuild, consumed by the fold. Not unique on purpose.
CREATE TABLE risk_board_touched (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

CREATE FUNCTION risk_board_touch() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO risk_board_touched (customer_id) SELECT DISTINCT customer_id FROM touched_new;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO risk_board_touched (customer_id)
        SELECT customer_id FROM touched_new UNION SELECT customer_id FROM touched_old;
    ELSE
        INSERT INTO risk_board_touched (customer_id) SELECT DISTINCT customer_id FROM touched_old;
    END IF;
    RETURN NULL;
END
$$;

-- What a row is cut from: the current score (risk) and the running totals of exposure (credit).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['customer_score', 'credit_balance'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS touched_new
                        FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch()', t || '_risk_board_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch()', t || '_risk_board_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch()', t || '_risk_board_del', t);
    END LOOP;
END
$$;

-- The customer's attributes stored with the row.
CREATE FUNCTION risk_board_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO risk_board_touched (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id
     WHERE n.code IS DISTINCT FROM o.code OR n.name IS DISTINCT FROM o.name
        OR n.area_code IS DISTINCT FROM o.area_code OR n.currency IS DISTINCT FROM o.currency;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_risk_board_upd AFTER UPDATE ON customer
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch_customer();

-- Built once here for the scores kept so far (the same statement as RiskBoardRepository's rebuild).
INSERT INTO risk_board (customer_id, code, name, area_code, currency, risk_class, score, exposure)
SELECT c.id, c.code, c.name, c.area_code, c.currency, s.risk_class, s.score,
       coalesce(b.open_receivables + b.released_orders - b.unapplied_credit, 0)
FROM customer_score s
JOIN customer c ON c.id = s.customer_id
LEFT JOIN credit_balance b ON b.customer_id = c.id AND b.currency = c.currency;

INSERT INTO risk_board_cell (risk_class, area_code, customers, exposure)
SELECT risk_class, area_code, count(*), sum(exposure) FROM risk_board GROUP BY risk_class, area_code;

UPDATE risk_board_state SET built_at = now(), build_ms = 0;
