-- Exposure and the credit check: stored exchange rates, running totals per customer kept in the
-- ledger's transactions, the credit facts later modules set, the decisions on orders, and holds.

-- Rates to convert exposure into a limit's currency: 1 unit of from_currency = rate units of
-- to_currency, valid from valid_on until the next rate. No rate, no conversion: the check refuses.
CREATE TABLE exchange_rate (
    from_currency CHAR(3) NOT NULL,
    to_currency   CHAR(3) NOT NULL,
    valid_on      DATE NOT NULL,
    rate          NUMERIC(19, 8) NOT NULL CHECK (rate > 0),
    updated_by    TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_currency, to_currency, valid_on),
    CHECK (from_currency <> to_currency)
);

-- One row per customer: the row every order's check locks (so concurrent orders of one customer
-- take turns) and the credit facts the rules honour. Later modules set the facts.
CREATE TABLE credit_account (
    customer_id       BIGINT PRIMARY KEY REFERENCES customer (id),
    credit_state      TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (credit_state IN ('ACTIVE', 'ON_HOLD', 'STOPPED')),
    stop_reason       TEXT,
    legal             BOOLEAN NOT NULL DEFAULT FALSE,
    linked_to_stopped BOOLEAN NOT NULL DEFAULT FALSE,
    bounced_cheque    BOOLEAN NOT NULL DEFAULT FALSE,
    risk_class        TEXT CHECK (risk_class IN ('A', 'B', 'C', 'D', 'E')),
    version           BIGINT NOT NULL DEFAULT 0,
    updated_at        TIMESTAMPTZ
);

-- Running totals per customer and currency (documents in several currencies are never summed
-- before conversion), changed in the same transaction as every ledger write.
CREATE TABLE credit_balance (
    customer_id      BIGINT NOT NULL REFERENCES customer (id),
    currency         CHAR(3) NOT NULL,
    open_receivables NUMERIC(19, 2) NOT NULL DEFAULT 0,
    released_orders  NUMERIC(19, 2) NOT NULL DEFAULT 0,
    unapplied_credit NUMERIC(19, 2) NOT NULL DEFAULT 0,
    version          BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, currency)
);

-- The credit decision on each order (POST /orders) and what became of it: the blocked-order queue,
-- the idempotent answer to a repeated order, and the figures the decision saw.
CREATE SEQUENCE credit_order_decision_seq;
CREATE TABLE credit_order (
    order_no          TEXT PRIMARY KEY,
    customer_id       BIGINT NOT NULL REFERENCES customer (id),
    customer_code     TEXT NOT NULL,
    area_code         TEXT NOT NULL,
    order_date        DATE NOT NULL,
    amount            NUMERIC(19, 2) NOT NULL,
    currency          CHAR(3) NOT NULL,
    contract_no       TEXT,
    status            TEXT NOT NULL CHECK (status IN ('RELEASED', 'BLOCKED', 'REJECTED', 'INVOICED', 'CANCELLED')),
    reasons           JSONB NOT NULL DEFAULT '[]',
    -- Figures as the decision saw them, in figures_currency (the line's, else the customer's).
    figures_currency  CHAR(3) NOT NULL,
    open_receivables  NUMERIC(19, 2),
    released_orders   NUMERIC(19, 2),
    uncleared_cheques NUMERIC(19, 2),
    unapplied_credit  NUMERIC(19, 2),
    exposure          NUMERIC(19, 2),
    credit_limit      NUMERIC(19, 2),
    available         NUMERIC(19, 2),
    -- Order of decisions: checks of one customer run one at a time, so this is their real order.
    decision_seq      BIGINT NOT NULL DEFAULT nextval('credit_order_decision_seq'),
    decided_at        TIMESTAMPTZ NOT NULL,
    decided_by        TEXT NOT NULL,
    resolved_by       TEXT,
    resolved_at       TIMESTAMPTZ,
    resolution_note   TEXT
);
CREATE INDEX credit_order_status_idx ON credit_order (status, area_code, decided_at);
CREATE INDEX credit_order_customer_idx ON credit_order (customer_id, decided_at);

-- Customer holds, manual and automatic; an active hold (lifted_at NULL) blocks every order.
CREATE TABLE customer_hold (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    reason     TEXT NOT NULL,
    automatic  BOOLEAN NOT NULL,
    note       TEXT,
    placed_by  TEXT NOT NULL,
    placed_at  TIMESTAMPTZ NOT NULL,
    lifted_by  TEXT,
    lifted_at  TIMESTAMPTZ,
    lift_note  TEXT,
    CHECK ((lifted_by IS NULL) = (lifted_at IS NULL))
);
-- One active hold per reason: placing it again changes nothing.
CREATE UNIQUE INDEX customer_hold_active_idx ON customer_hold (customer_id, reason) WHERE lifted_at IS NULL;
