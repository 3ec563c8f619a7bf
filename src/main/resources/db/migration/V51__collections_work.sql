-- Collections work (issue 9): company settings, activities, after-sales service cases, the module's
-- e-mails, and the published reads the worklist and the other modules use. Builds on V50.

-- Company settings of collections; one row. Changes are audited by the application.
CREATE TABLE collections_settings (
    id                        SMALLINT PRIMARY KEY CHECK (id = 1),
    -- invoices at or above this amount follow the customer's approval chain; 0 = all
    chain_threshold           NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (chain_threshold >= 0),
    -- a chain step waiting longer than this many days makes the invoice stalled
    stall_days                INTEGER NOT NULL DEFAULT 5 CHECK (stall_days BETWEEN 1 AND 365),
    -- a service case is due this many business days (Monday to Friday) after the dispute was raised
    service_due_business_days INTEGER NOT NULL DEFAULT 3 CHECK (service_due_business_days BETWEEN 1 AND 60),
    -- a customer whose oldest overdue invoice is at most this many days overdue is "newly overdue"
    new_overdue_days          INTEGER NOT NULL DEFAULT 3 CHECK (new_overdue_days BETWEEN 1 AND 60),
    -- a broken promise keeps its customer at the top of the worklist this long, or until the next contact
    broken_promise_days       INTEGER NOT NULL DEFAULT 30 CHECK (broken_promise_days BETWEEN 1 AND 365),
    updated_at                TIMESTAMPTZ,
    updated_by                TEXT
);
INSERT INTO collections_settings (id) VALUES (1);

-- Every contact with the customer: calls, visits, e-mails, letters and notes.
CREATE TABLE collection_activity (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customer (id),
    type           TEXT NOT NULL CHECK (type IN ('CALL', 'VISIT', 'EMAIL', 'LETTER', 'NOTE')),
    happened_on    DATE NOT NULL,
    contact_id     BIGINT REFERENCES customer_contact (id),
    note           TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 4000),
    next_action_on DATE,
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX collection_activity_customer_idx ON collection_activity (customer_id, id);

CREATE TABLE collection_activity_invoice (
    activity_id BIGINT NOT NULL REFERENCES collection_activity (id),
    invoice_id  BIGINT NOT NULL REFERENCES invoice (id),
    PRIMARY KEY (activity_id, invoice_id)
);

-- The after-sales service case a QUALITY dispute opens, assigned to a SERVICE user.
CREATE TABLE service_case (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dispute_id  BIGINT NOT NULL UNIQUE REFERENCES invoice_dispute (id),
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    -- NULL when no enabled user has the SERVICE role; the queue shows it unassigned
    assigned_to TEXT,
    opened_on   DATE NOT NULL,
    due_on      DATE NOT NULL CHECK (due_on >= opened_on),
    status      TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    closed_on   DATE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX service_case_open_idx ON service_case (assigned_to) WHERE status = 'OPEN';

-- E-mails of collections (service cases, broken promises), written in the business transaction and sent
-- after it commits. dedup_key makes the daily run's notifications rerun-safe.
CREATE TABLE collections_mail (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    recipient   TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    dedup_key   TEXT NOT NULL,
    queued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    UNIQUE (dedup_key, recipient)
);
CREATE INDEX collections_mail_pending_idx ON collections_mail (id) WHERE sent_at IS NULL;

CREATE INDEX payment_promise_status_idx ON payment_promise (customer_id, status);
CREATE INDEX invoice_approval_step_waiting_idx ON invoice_approval_step (since) WHERE status = 'WAITING';

-- The one place collections reads the ledger's invoices (published here for collections' own SQL).
CREATE VIEW collections_invoice AS
SELECT i.id, i.invoice_no, i.customer_id, i.issue_date, i.due_date, i.amount, i.open_amount, i.currency
  FROM invoice i;

-- Published for risk's scorecard and the sales appraisal: promises broken (wholly or partly) whose date
-- fell within the twelve months up to the date.
CREATE FUNCTION customer_broken_promises(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, broken_promises BIGINT)
    LANGUAGE sql STABLE AS $$
    SELECT p.customer_id, count(*)
      FROM payment_promise p
     WHERE p.status IN ('BROKEN', 'PARTLY_KEPT')
       AND p.promised_on < p_as_of
       AND p.promised_on >= p_as_of - INTERVAL '12 months'
     GROUP BY p.customer_id
$$;

-- ... and the ledger's payments, for evaluating promises from payments only.
CREATE VIEW collections_payment AS
SELECT p.id, p.customer_id, p.received_on, p.amount, p.currency, p.status, p.bounced_on
  FROM payment p;

-- What collections did in each daily run (promises evaluated, stalled chains found), one row per date.
CREATE TABLE collections_daily (
    as_of              DATE PRIMARY KEY,
    promises_evaluated INTEGER NOT NULL,
    promises_kept      INTEGER NOT NULL,
    promises_broken    INTEGER NOT NULL,
    stalled_invoices   INTEGER NOT NULL,
    duration_ms        BIGINT NOT NULL,
    run_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);
