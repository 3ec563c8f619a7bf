-- Issue 18, session 7: the escalation board and GET /escalations at 100,000 customers.
--
-- Today's escalation facts as stored by today's daily run: per customer with something overdue, its oldest overdue
-- due date and its overdue amount in its own currency (EscalationRepository's per-customer snapshot from the
-- invoices' open amounts), with the customer's code, name, area and currency. The level is not stored: a read
-- evaluates the ladder in force on these facts, exactly as the live statement does. A read takes the stored rows
-- of the customers not touched since and recomputes the touched ones live in the same statement, so it equals the
-- live board at every moment. Used only while state.as_of is the board's date and nothing was settled after it;
-- otherwise the board is computed live as before.
CREATE TABLE escalation_today_state (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of    DATE,
    built_at TIMESTAMPTZ,
    build_ms BIGINT
);
INSERT INTO escalation_today_state (id) VALUES (1);

-- No foreign keys: rebuilt in bulk by the daily run of today.
CREATE TABLE escalation_today (
    customer_id     BIGINT PRIMARY KEY,
    customer_code   TEXT NOT NULL,
    customer_name   TEXT NOT NULL,
    area_code       TEXT NOT NULL,
    currency        CHAR(3) NOT NULL,
    oldest_due_date DATE NOT NULL,
    overdue_amount  NUMERIC NOT NULL
);

-- Customers whose facts may have changed since they were stored, written in the same transaction as the change by
-- the statement triggers below; emptied by the next store, consumed by the fold. Its own log: the aging's (V133) is
-- consumed by the aging's fold. Not unique on purpose.
CREATE TABLE escalation_today_touched (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

CREATE FUNCTION escalation_today_touch() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO escalation_today_touched (customer_id) SELECT DISTINCT customer_id FROM touched_new;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO escalation_today_touched (customer_id)
        SELECT customer_id FROM touched_new UNION SELECT customer_id FROM touched_old;
    ELSE
        INSERT INTO escalation_today_touched (customer_id) SELECT DISTINCT customer_id FROM touched_old;
    END IF;
    RETURN NULL;
END
$$;

-- What the facts are cut from: the invoices (every settlement, credit note and bounce changes invoice.open_amount).
CREATE TRIGGER invoice_escalation_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
    FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();
CREATE TRIGGER invoice_escalation_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();
CREATE TRIGGER invoice_escalation_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();

-- The customer's attributes stored with the facts (code, name, area, currency).
CREATE FUNCTION escalation_today_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO escalation_today_touched (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id
     WHERE n.code IS DISTINCT FROM o.code OR n.name IS DISTINCT FROM o.name
        OR n.area_code IS DISTINCT FROM o.area_code OR n.currency IS DISTINCT FROM o.currency;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_escalation_upd AFTER UPDATE ON customer
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch_customer();
