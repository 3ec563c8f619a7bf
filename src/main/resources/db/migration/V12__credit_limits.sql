-- Credit limits. Nothing changes a limit except an approved limit request (four eyes), so the
-- request is the history: every limit version points at the request that created it.

CREATE TABLE credit_limit_request (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      BIGINT NOT NULL REFERENCES customer (id),
    customer_code    TEXT NOT NULL,
    -- The customer's area when the request was made; it scopes the approvers' inbox.
    area_code        TEXT NOT NULL,
    -- NULL: the customer's overall limit; else the credit line of this contract (value-added business).
    contract_no      TEXT,
    amount           NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency         CHAR(3) NOT NULL,
    valid_from       DATE NOT NULL,
    valid_until      DATE NOT NULL CHECK (valid_until >= valid_from),
    review_on        DATE,
    reason           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by     TEXT NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    decision_comment TEXT,
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE INDEX credit_limit_request_pending_idx ON credit_limit_request (area_code, id) WHERE status = 'PENDING';
CREATE INDEX credit_limit_request_customer_idx ON credit_limit_request (customer_id, id);
-- One open request per credit line at a time, so approvers never decide between rival amounts.
CREATE UNIQUE INDEX credit_limit_request_one_pending_idx ON credit_limit_request (customer_id, coalesce(contract_no, ''))
    WHERE status = 'PENDING';

-- Every limit version; the current one per (customer, contract) has superseded_at NULL.
CREATE TABLE credit_limit (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   BIGINT NOT NULL REFERENCES customer (id),
    contract_no   TEXT,
    amount        NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency      CHAR(3) NOT NULL,
    valid_from    DATE NOT NULL,
    valid_until   DATE NOT NULL CHECK (valid_until >= valid_from),
    review_on     DATE,
    request_id    BIGINT NOT NULL UNIQUE REFERENCES credit_limit_request (id),
    approved_by   TEXT NOT NULL,
    approved_at   TIMESTAMPTZ NOT NULL,
    superseded_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX credit_limit_current_idx ON credit_limit (customer_id, coalesce(contract_no, ''))
    WHERE superseded_at IS NULL;

-- Collateral that raises the usable limit while valid (until expires_on inclusive).
CREATE TABLE credit_security (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    -- NULL: backs the customer's overall limit; else the line of this contract.
    contract_no TEXT,
    type        TEXT NOT NULL CHECK (type IN ('BANK_GUARANTEE', 'CASH_DEPOSIT', 'LETTER_OF_CREDIT')),
    amount      NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency    CHAR(3) NOT NULL,
    expires_on  DATE NOT NULL,
    reference   TEXT,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX credit_security_customer_idx ON credit_security (customer_id, expires_on);
