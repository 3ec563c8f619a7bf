-- Sales appraisal (issue 11). Besides the appraisal's own tables this migration publishes the small SQL
-- interface the appraisal reads other modules through; each part names the module that owns its data.

-- customers' data: the history of each customer's sales rep ------------------------------------------
-- Responsibility for an invoice follows the rep the customer had on the invoice's issue date. The first row
-- of a customer (valid from -infinity) is the rep it had when its history began; every later change of
-- customer.sales_rep (API, page, CSV import, any UPDATE) adds a row valid from the business date of the
-- change: the transaction's setting creditdesk.business_date when set, else today in the company's zone.
CREATE TABLE customer_sales_rep_history (
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    valid_from  DATE NOT NULL,
    sales_rep   TEXT REFERENCES sales_rep (code),
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, valid_from)
);
CREATE INDEX customer_sales_rep_history_rep_idx ON customer_sales_rep_history (sales_rep);

INSERT INTO customer_sales_rep_history (customer_id, valid_from, sales_rep)
SELECT id, '-infinity', sales_rep FROM customer;

CREATE FUNCTION customer_sales_rep_history_follows() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    v_on DATE;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO customer_sales_rep_history (customer_id, valid_from, sales_rep)
        VALUES (NEW.id, '-infinity', NEW.sales_rep)
        ON CONFLICT DO NOTHING;
    ELSIF NEW.sales_rep IS DISTINCT FROM OLD.sales_rep THEN
        v_on := coalesce(nullif(current_setting('creditdesk.business_date', true), '')::date,
                         (now() AT TIME ZONE (SELECT time_zone FROM company_settings WHERE id = 1))::date);
        INSERT INTO customer_sales_rep_history (customer_id, valid_from, sales_rep)
        VALUES (NEW.id, v_on, NEW.sales_rep)
        ON CONFLICT (customer_id, valid_from) DO UPDATE SET sales_rep = EXCLUDED.sales_rep, recorded_at = now();
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER customer_sales_rep_history_insert
    AFTER INSERT ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_sales_rep_history_follows();

CREATE TRIGGER customer_sales_rep_history_update
    AFTER UPDATE OF sales_rep ON customer
    FOR EACH ROW EXECUTE FUNCTION customer_sales_rep_history_follows();

-- Published by customers: the rep of a customer on a date, and the same for set-based joins.
CREATE FUNCTION customer_sales_rep_on(p_customer_id BIGINT, p_on DATE) RETURNS TEXT
    LANGUAGE sql STABLE AS $$
    SELECT h.sales_rep FROM customer_sales_rep_history h
     WHERE h.customer_id = p_customer_id AND h.valid_from <= p_on
     ORDER BY h.valid_from DESC LIMIT 1
$$;

CREATE VIEW customer_sales_rep_period AS
SELECT h.customer_id, h.sales_rep, h.valid_from,
       coalesce(lead(h.valid_from) OVER (PARTITION BY h.customer_id ORDER BY h.valid_from), 'infinity') AS valid_to
  FROM customer_sales_rep_history h;

-- ledger's data, published for reporting modules ------------------------------------------------------
CREATE VIEW receivable_invoice AS
SELECT i.id, i.customer_id, i.invoice_no, i.order_no, i.issue_date, i.due_date, i.amount, i.currency
  FROM invoice i;

-- Every settlement of an invoice with its kind. The ledger has no write-off document: a bad debt is
-- written off with a credit note whose reason starts with "WRITE_OFF" (e.g. "WRITE_OFF: customer
-- bankrupt"); such a credit note's allocations are WRITE_OFF, other credit notes CREDIT_NOTE.
CREATE VIEW receivable_settlement AS
SELECT a.invoice_id, a.customer_id, a.allocated_on AS settled_on, a.reversed_on, a.amount,
       CASE WHEN a.payment_id IS NOT NULL THEN 'PAYMENT'
            WHEN upper(cn.reason) LIKE 'WRITE\_OFF%' THEN 'WRITE_OFF'
            ELSE 'CREDIT_NOTE' END AS kind
  FROM allocation a
  LEFT JOIN credit_note cn ON cn.id = a.credit_note_id;

-- credit's data: blocked orders that were released, and the grace days of the policy -------------------
CREATE VIEW released_blocked_order AS
SELECT o.order_no, o.customer_id, o.order_date, o.amount, o.currency, o.resolved_by AS released_by,
       (o.resolved_at AT TIME ZONE (SELECT time_zone FROM company_settings WHERE id = 1))::date AS released_on
  FROM credit_order o
 WHERE o.resolved_at IS NOT NULL AND o.status IN ('RELEASED', 'INVOICED');

CREATE FUNCTION credit_grace_days() RETURNS INTEGER
    LANGUAGE sql STABLE AS $$ SELECT grace_days FROM credit_policy WHERE id = 1 $$;

-- risk's data: the customers stopped for a bounced cheque --------------------------------------------
CREATE VIEW bounced_cheque_stop AS
SELECT b.customer_id, b.bounced_on, b.outcome FROM cheque_bounce b;

-- collections' data (V50, owned by collections): promises the daily run found broken -------------------
CREATE VIEW broken_payment_promise AS
SELECT p.id, p.customer_id, p.promised_on, p.amount, p.currency
  FROM payment_promise p
 WHERE p.status = 'BROKEN';

-- The appraisal's own data ----------------------------------------------------------------------------

-- A SALES_REP login's own rep; without a row the rep whose code equals the username.
CREATE TABLE sales_rep_login (
    username  TEXT PRIMARY KEY,
    sales_rep TEXT NOT NULL REFERENCES sales_rep (code)
);

-- Company settings: the weights of the KPI score's components and how each is scored, the blend of the
-- KPI score into ability, the grade thresholds and the optional collection-based commission.
CREATE TABLE appraisal_settings (
    id                    SMALLINT PRIMARY KEY CHECK (id = 1),
    weight_on_time        NUMERIC(5, 2) NOT NULL CHECK (weight_on_time >= 0),
    weight_overdue        NUMERIC(5, 2) NOT NULL CHECK (weight_overdue >= 0),
    weight_dso            NUMERIC(5, 2) NOT NULL CHECK (weight_dso >= 0),
    weight_write_off      NUMERIC(5, 2) NOT NULL CHECK (weight_write_off >= 0),
    weight_incidents      NUMERIC(5, 2) NOT NULL CHECK (weight_incidents >= 0),
    dso_target_days       INTEGER NOT NULL CHECK (dso_target_days >= 0),
    dso_worst_days        INTEGER NOT NULL,
    write_off_worst_share NUMERIC(6, 4) NOT NULL CHECK (write_off_worst_share > 0),
    incident_penalty      NUMERIC(5, 2) NOT NULL CHECK (incident_penalty BETWEEN 0 AND 100),
    kpi_ability_weight    NUMERIC(3, 2) NOT NULL CHECK (kpi_ability_weight BETWEEN 0 AND 1),
    attitude_good_from    NUMERIC(3, 2) NOT NULL CHECK (attitude_good_from BETWEEN 1 AND 5),
    ability_good_from     NUMERIC(3, 2) NOT NULL CHECK (ability_good_from BETWEEN 1 AND 5),
    commission_enabled    BOOLEAN NOT NULL,
    commission_rate       NUMERIC(6, 4) NOT NULL CHECK (commission_rate BETWEEN 0 AND 1),
    updated_by            TEXT,
    updated_at            TIMESTAMPTZ,
    CHECK (weight_on_time + weight_overdue + weight_dso + weight_write_off + weight_incidents > 0),
    CHECK (dso_worst_days > dso_target_days)
);
INSERT INTO appraisal_settings (id, weight_on_time, weight_overdue, weight_dso, weight_write_off, weight_incidents,
                                dso_target_days, dso_worst_days, write_off_worst_share, incident_penalty,
                                kpi_ability_weight, attitude_good_from, ability_good_from, commission_enabled,
                                commission_rate)
VALUES (1, 30, 25, 20, 15, 10, 45, 120, 0.0200, 20, 0.50, 3.00, 3.00, FALSE, 0.0100);

-- The measures each grade leads to. occurrence is the count of consecutive periods with that grade: the
-- rows of the highest occurrence not above the count apply (SUPERVISE: 1 supervise, 2 warning, 3 review).
CREATE TABLE appraisal_measure (
    grade      TEXT NOT NULL CHECK (grade IN ('STAR', 'TRAIN', 'MOTIVATE', 'SUPERVISE')),
    occurrence SMALLINT NOT NULL CHECK (occurrence BETWEEN 1 AND 12),
    position   SMALLINT NOT NULL,
    action     TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    amount     NUMERIC(19, 2),
    share      NUMERIC(6, 4) CHECK (share BETWEEN 0 AND 1),
    PRIMARY KEY (grade, occurrence, position)
);
INSERT INTO appraisal_measure (grade, occurrence, position, action, amount, share) VALUES
    ('STAR', 1, 1, 'BONUS', NULL, 0.1000),
    ('STAR', 1, 2, 'PROMOTION_CANDIDATE', NULL, NULL),
    ('STAR', 1, 3, 'PAY_RISE_CANDIDATE', NULL, NULL),
    ('TRAIN', 1, 1, 'TRAINING', NULL, NULL),
    ('TRAIN', 1, 2, 'ASSISTED_COLLECTION', NULL, NULL),
    ('MOTIVATE', 1, 1, 'CAREER_DEVELOPMENT_TALK', NULL, NULL),
    ('MOTIVATE', 1, 2, 'COLLECTION_WEIGHS_IN_PROMOTION', NULL, NULL),
    ('SUPERVISE', 1, 1, 'ENCOURAGE', NULL, NULL),
    ('SUPERVISE', 1, 2, 'SUPERVISE', NULL, NULL),
    ('SUPERVISE', 2, 1, 'FORMAL_WARNING', NULL, NULL),
    ('SUPERVISE', 3, 1, 'PENALTY', 2000.00, NULL),
    ('SUPERVISE', 3, 2, 'DISMISSAL_REVIEW', NULL, NULL);

-- The manager's rating of a rep for a period (an open period; a closed one changes only by correction).
CREATE TABLE appraisal_rating (
    period         TEXT NOT NULL,
    sales_rep      TEXT NOT NULL REFERENCES sales_rep (code),
    responsibility SMALLINT NOT NULL CHECK (responsibility BETWEEN 1 AND 5),
    execution      SMALLINT NOT NULL CHECK (execution BETWEEN 1 AND 5),
    communication  SMALLINT NOT NULL CHECK (communication BETWEEN 1 AND 5),
    experience     SMALLINT NOT NULL CHECK (experience BETWEEN 1 AND 5),
    note           TEXT CHECK (length(note) <= 2000),
    rated_by       TEXT NOT NULL,
    rated_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (period, sales_rep)
);

-- A closed period: revision 1 is the close, every later revision a correction. Rows are never changed.
CREATE TABLE appraisal_close (
    period    TEXT NOT NULL,
    revision  INTEGER NOT NULL CHECK (revision >= 1),
    as_of     DATE NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at TIMESTAMPTZ NOT NULL,
    reason    TEXT,
    PRIMARY KEY (period, revision)
);

-- What a closed revision froze, one row per rep: the KPIs, the rating, the grade and its measures.
CREATE TABLE appraisal_result (
    period                  TEXT NOT NULL,
    revision                INTEGER NOT NULL,
    sales_rep               TEXT NOT NULL,
    position                INTEGER NOT NULL,
    result                  JSONB NOT NULL,
    grade                   TEXT CHECK (grade IN ('STAR', 'TRAIN', 'MOTIVATE', 'SUPERVISE')),
    grade_streak            SMALLINT,
    PRIMARY KEY (period, revision, sales_rep),
    FOREIGN KEY (period, revision) REFERENCES appraisal_close (period, revision)
);

CREATE FUNCTION appraisal_frozen() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is frozen: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER appraisal_close_frozen BEFORE UPDATE OR DELETE ON appraisal_close
    FOR EACH ROW EXECUTE FUNCTION appraisal_frozen();
CREATE TRIGGER appraisal_result_frozen BEFORE UPDATE OR DELETE ON appraisal_result
    FOR EACH ROW EXECUTE FUNCTION appraisal_frozen();
