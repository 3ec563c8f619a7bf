-- Collections core (issues 9 and 10): the customer's people by their role in the customer's own payment
-- approval, the chain each large invoice travels, promises to pay and disputes. The collections work
-- (activities, service cases, worklist: V51-V59) and the reminder letters and payment prediction
-- (V60-V69) build on these tables; other modules read them only through collections' published views.

-- The customer's people. DELETE /contacts/{id} retires a contact (active = false) so that activities,
-- promises and letters that named them keep their names.
CREATE TABLE customer_contact (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     BIGINT NOT NULL REFERENCES customer (id),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    title           TEXT CHECK (length(title) <= 200),
    department      TEXT CHECK (length(department) <= 200),
    phone           TEXT CHECK (length(phone) <= 64),
    email           TEXT CHECK (length(email) <= 254),
    chain_role      TEXT NOT NULL CHECK (chain_role IN ('BLOCKER', 'AUDITOR', 'USER', 'FINANCE', 'KEY_PERSON',
                                                        'DECISION_MAKER')),
    general_manager BOOLEAN NOT NULL DEFAULT FALSE,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX customer_contact_customer_idx ON customer_contact (customer_id) WHERE active;

-- The order of the steps in the customer's payment approval; customers without a row follow the default
-- AUDITOR -> USER -> FINANCE -> DECISION_MAKER. A BLOCKER objection can come at any step.
CREATE TABLE customer_approval_chain (
    customer_id BIGINT PRIMARY KEY REFERENCES customer (id),
    steps       TEXT[] NOT NULL CHECK (cardinality(steps) BETWEEN 1 AND 6
                                       AND steps <@ ARRAY['BLOCKER', 'AUDITOR', 'USER', 'FINANCE', 'KEY_PERSON',
                                                          'DECISION_MAKER']),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every recorded change of an invoice's position in the chain; the current state of a step is its newest
-- row (highest id). A step without a row has not been reached yet.
CREATE TABLE invoice_approval_step (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    invoice_id  BIGINT NOT NULL REFERENCES invoice (id),
    chain_role  TEXT NOT NULL CHECK (chain_role IN ('BLOCKER', 'AUDITOR', 'USER', 'FINANCE', 'KEY_PERSON',
                                                    'DECISION_MAKER')),
    status      TEXT NOT NULL CHECK (status IN ('WAITING', 'CLEARED', 'OBJECTED')),
    since       DATE NOT NULL,
    contact_id  BIGINT REFERENCES customer_contact (id),
    note        TEXT CHECK (length(note) <= 2000),
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX invoice_approval_step_invoice_idx ON invoice_approval_step (invoice_id, chain_role, id);
CREATE INDEX invoice_approval_step_customer_idx ON invoice_approval_step (customer_id);

-- A promise to pay (the customer's "written undertaking" when its finance stalls). status and paid_amount
-- are derived from payments by the daily run as of its date, never set by hand.
CREATE TABLE payment_promise (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    promised_on  DATE NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency     CHAR(3) NOT NULL,
    contact_id   BIGINT REFERENCES customer_contact (id),
    written      BOOLEAN NOT NULL,
    note         TEXT CHECK (length(note) <= 2000),
    -- the business date the promise was given: payments from this date on count towards it
    made_on      DATE NOT NULL,
    status       TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'KEPT', 'PARTLY_KEPT', 'BROKEN')),
    paid_amount  NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    evaluated_on DATE,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (promised_on >= made_on)
);
CREATE INDEX payment_promise_customer_idx ON payment_promise (customer_id, promised_on);
CREATE INDEX payment_promise_open_idx ON payment_promise (promised_on) WHERE status = 'OPEN';

CREATE TABLE payment_promise_invoice (
    promise_id BIGINT NOT NULL REFERENCES payment_promise (id),
    invoice_id BIGINT NOT NULL REFERENCES invoice (id),
    PRIMARY KEY (promise_id, invoice_id)
);

-- A customer's objection to (part of) an invoice. While OPEN or IN_SERVICE its amount is disputed: shown
-- apart in open items and aging, never claimed by a reminder letter.
CREATE TABLE invoice_dispute (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id        BIGINT NOT NULL REFERENCES customer (id),
    invoice_id         BIGINT NOT NULL REFERENCES invoice (id),
    reason             TEXT NOT NULL CHECK (reason IN ('QUALITY', 'QUANTITY', 'PRICE', 'DELIVERY', 'DOCUMENTS',
                                                       'OTHER')),
    amount             NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    raised_on          DATE NOT NULL,
    note               TEXT CHECK (length(note) <= 2000),
    status             TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_SERVICE', 'RESOLVED')),
    outcome            TEXT CHECK (outcome IN ('CREDIT_NOTE', 'REJECTED', 'FIXED')),
    credit_note_amount NUMERIC(19, 2) CHECK (credit_note_amount > 0),
    resolved_on        DATE,
    resolution_note    TEXT CHECK (length(resolution_note) <= 2000),
    created_by         TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'RESOLVED') = (outcome IS NOT NULL AND resolved_on IS NOT NULL))
);
CREATE INDEX invoice_dispute_invoice_idx ON invoice_dispute (invoice_id);
CREATE INDEX invoice_dispute_open_idx ON invoice_dispute (customer_id) WHERE status <> 'RESOLVED';

-- Published for other modules (monitoring's aging, ledger's open items, appraisal, letters): the amount
-- of each invoice under dispute as of a date.
CREATE FUNCTION invoice_disputed_amounts(p_as_of DATE)
    RETURNS TABLE (invoice_id BIGINT, customer_id BIGINT, disputed_amount NUMERIC)
    LANGUAGE sql STABLE AS $$
    SELECT d.invoice_id, d.customer_id, sum(d.amount)
      FROM invoice_dispute d
     WHERE d.raised_on <= p_as_of
       AND (d.resolved_on IS NULL OR d.resolved_on > p_as_of)
     GROUP BY d.invoice_id, d.customer_id
$$;

-- After-sales service staff (API.md Identity): quality disputes open service cases assigned to them.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check
    CHECK (role IN ('ADMIN', 'GENERAL_MANAGER', 'CREDIT_MANAGER', 'CREDIT_SUPERVISOR', 'FINANCE', 'COLLECTOR',
                    'SALES_MANAGER', 'SALES_REP', 'LEGAL', 'SERVICE', 'AUDITOR'));
