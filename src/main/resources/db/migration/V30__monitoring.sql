-- Overdue monitoring (issue 4, part 1): aging buckets, the escalation ladder's responsibilities,
-- escalation episodes with their tasks and e-mails, and the staffing norm. All configuration is data.
--
-- Credit supervisors are assigned to areas through identity's user_area: for a CREDIT_SUPERVISOR the
-- row does not narrow what the user sees (Caller.forUser drops areas of roles that are not
-- area-scoped), so monitoring gives it the meaning "this supervisor looks after this area".

-- Aging buckets by days overdue; to_days NULL = open-ended. Contiguous from 0 (not yet due).
CREATE TABLE aging_bucket (
    position  SMALLINT PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    label     TEXT NOT NULL,
    from_days INTEGER NOT NULL CHECK (from_days >= 0),
    to_days   INTEGER CHECK (to_days >= from_days)
);
INSERT INTO aging_bucket (position, code, label, from_days, to_days)
VALUES (1, 'current', 'Current', 0, 0),
       (2, '1-15', '1–15', 1, 15),
       (3, '16-30', '16–30', 16, 30),
       (4, '31-60', '31–60', 31, 60),
       (5, '61-90', '61–90', 61, 90),
       (6, 'over-90', 'Over 90', 91, NULL);

-- Who is responsible at each level of the ladder (the thresholds are the credit policy's).
-- area_scoped: resolved to the users of that role assigned to the customer's area.
CREATE TABLE escalation_responsibility (
    level       SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    role        TEXT NOT NULL CHECK (role IN ('ADMIN', 'GENERAL_MANAGER', 'CREDIT_MANAGER', 'CREDIT_SUPERVISOR', 'FINANCE',
                                              'COLLECTOR', 'SALES_MANAGER', 'SALES_REP', 'LEGAL', 'AUDITOR')),
    area_scoped BOOLEAN NOT NULL,
    PRIMARY KEY (level, role)
);
INSERT INTO escalation_responsibility (level, role, area_scoped)
VALUES (1, 'CREDIT_SUPERVISOR', TRUE), (1, 'SALES_MANAGER', TRUE),
       (2, 'CREDIT_SUPERVISOR', TRUE), (2, 'SALES_MANAGER', TRUE), (2, 'CREDIT_MANAGER', FALSE),
       (3, 'CREDIT_MANAGER', FALSE), (3, 'GENERAL_MANAGER', FALSE),
       (4, 'LEGAL', FALSE);

-- One episode per stay of a customer on a level: entered_on .. left_on (NULL while still there).
CREATE TABLE escalation_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customer (id),
    level          SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    entered_on     DATE NOT NULL,
    left_on        DATE CHECK (left_on >= entered_on),
    days_overdue   INTEGER NOT NULL,
    overdue_amount NUMERIC(19, 2) NOT NULL,
    currency       CHAR(3) NOT NULL,
    procedural     BOOLEAN NOT NULL,
    UNIQUE (customer_id, level, entered_on)
);
CREATE UNIQUE INDEX escalation_history_open_idx ON escalation_history (customer_id) WHERE left_on IS NULL;
CREATE INDEX escalation_history_customer_idx ON escalation_history (customer_id, entered_on);

-- A task per responsible person when a customer enters a level; the unique key makes reruns harmless.
CREATE TABLE escalation_task (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    history_id  BIGINT NOT NULL REFERENCES escalation_history (id),
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    user_id     BIGINT NOT NULL REFERENCES app_user (id),
    role        TEXT NOT NULL,
    created_on  DATE NOT NULL,
    done_at     TIMESTAMPTZ,
    note        TEXT,
    UNIQUE (history_id, user_id)
);
CREATE INDEX escalation_task_user_idx ON escalation_task (user_id) WHERE done_at IS NULL;
CREATE INDEX escalation_task_customer_idx ON escalation_task (customer_id);

-- E-mails are written here in the run's transaction and sent after it commits.
CREATE TABLE mail_outbox (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    history_id  BIGINT NOT NULL REFERENCES escalation_history (id),
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    UNIQUE (history_id, recipient)
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (id) WHERE sent_at IS NULL;

-- DESIGN.md point 10: 2–3 supervisors per 20 million of annual sales or per 50–60 customers.
CREATE TABLE staffing_norm (
    id                  SMALLINT PRIMARY KEY CHECK (id = 1),
    supervisors_low     INTEGER NOT NULL CHECK (supervisors_low > 0),
    supervisors_high    INTEGER NOT NULL CHECK (supervisors_high >= supervisors_low),
    annual_sales        NUMERIC(19, 2) NOT NULL CHECK (annual_sales > 0),
    customers_low       INTEGER NOT NULL CHECK (customers_low > 0),
    customers_high      INTEGER NOT NULL CHECK (customers_high >= customers_low)
);
INSERT INTO staffing_norm (id, supervisors_low, supervisors_high, annual_sales, customers_low, customers_high)
VALUES (1, 2, 3, 20000000.00, 50, 60);
