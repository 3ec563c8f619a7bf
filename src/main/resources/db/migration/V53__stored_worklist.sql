-- The stored worklist (issue 9, speed): each flagged customer's worklist entry (reasons, the keys of its
-- priority) as of one date, so a collector's page ranks a few narrow stored rows instead of building every
-- flagged customer of the area per request. Built after the daily run for its date; kept true at every moment
-- by a log of touched customers that every change of what the rule reads writes in the same transaction
-- (triggers below), which the page replays (recomputes those customers with the live rule) before it reads.
-- The rule itself stays in one place: WorklistRepository's live statement fills these rows.

-- The date and the settings the stored rows were built for; a page for another date or after a settings
-- change is computed live until the next build.
CREATE TABLE collections_worklist_state (
    id                  SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of               DATE,
    chain_threshold     NUMERIC(19, 2),
    stall_days          INTEGER,
    new_overdue_days    INTEGER,
    broken_promise_days INTEGER,
    built_at            TIMESTAMPTZ,
    -- how long the last build or replay after a daily run took
    build_ms            BIGINT
);
INSERT INTO collections_worklist_state (id) VALUES (1);

-- One row per flagged customer (a customer with at least one reason) as of collections_worklist_state.as_of.
-- No foreign key to customer: customers are never deleted, and checking one per row cost the build more than
-- a second at 100,000 customers.
CREATE TABLE collections_worklist (
    customer_id     BIGINT PRIMARY KEY,
    code            TEXT NOT NULL,
    area_code       TEXT,
    reasons         TEXT[] NOT NULL CHECK (cardinality(reasons) > 0),
    -- the priority's keys, in order: first reason, level (descending), weighted overdue (descending),
    -- days overdue (descending), code
    rank_group      INTEGER NOT NULL,
    level           INTEGER NOT NULL,
    weighted        NUMERIC NOT NULL,
    max_days        INTEGER NOT NULL,
    -- unconstrained: the rule's value as computed (0 when nothing is overdue), like the live page's
    overdue_amount  NUMERIC NOT NULL,
    risk_class      TEXT,
    next_action_on  DATE,
    stalled_role    TEXT,
    stalled_contact BIGINT
);
CREATE INDEX collections_worklist_area_idx ON collections_worklist (area_code);
-- The priority order: an unfiltered page is this index read in order up to the page's end.
CREATE INDEX collections_worklist_priority_idx
    ON collections_worklist (rank_group, level DESC, weighted DESC, max_days DESC, code) INCLUDE (area_code);

-- Published for set-based reads of credit's risk class (customer_risk_class() per row cost the worklist a
-- call per flagged customer); inlined by the planner into a plain join.
CREATE FUNCTION customer_risk_classes() RETURNS TABLE (customer_id BIGINT, risk_class TEXT)
    LANGUAGE sql STABLE AS
$$
SELECT customer_id, risk_class FROM credit_account
$$;

-- Customers whose entry may have changed since it was stored; written by the triggers, consumed by the
-- page (recomputed and deleted in one transaction) and by the daily run's build. Not unique on purpose: an
-- entry written by a transaction that commits later must survive a replay that did not see it.
CREATE TABLE collections_worklist_touched (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

-- Statement-level (set-based: one insert per statement, also for bulk imports) on every table the rule
-- reads by customer_id.
CREATE FUNCTION collections_worklist_touch() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO collections_worklist_touched (customer_id) SELECT DISTINCT customer_id FROM touched_new;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO collections_worklist_touched (customer_id)
        SELECT customer_id FROM touched_new UNION SELECT customer_id FROM touched_old;
    ELSE
        INSERT INTO collections_worklist_touched (customer_id) SELECT DISTINCT customer_id FROM touched_old;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['invoice', 'escalation_history', 'credit_account', 'payment_promise',
                             'invoice_approval_step', 'invoice_dispute', 'collection_activity'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS touched_new
                        FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch()', t || '_worklist_ins', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch()', t || '_worklist_upd', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS touched_old
                        FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch()', t || '_worklist_del', t);
    END LOOP;
END
$$;

-- The customer's code and area (the row's place and scope).
CREATE FUNCTION collections_worklist_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO collections_worklist_touched (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id
     WHERE n.code IS DISTINCT FROM o.code OR n.area_code IS DISTINCT FROM o.area_code;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_worklist_upd AFTER UPDATE ON customer
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch_customer();
