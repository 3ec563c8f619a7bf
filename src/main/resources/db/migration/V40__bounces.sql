-- Bounced cheques. The ledger keeps why a payment bounced; the risk module keeps every bounce for
-- the 24-month count, the stop it caused and its reinstatement; a second bounce within 24 months
-- opens a legal case and marks everything open for recovery.

ALTER TABLE payment ADD COLUMN bounce_reason TEXT;

CREATE TABLE cheque_bounce (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id        BIGINT NOT NULL REFERENCES customer (id),
    payment_no         TEXT NOT NULL UNIQUE,
    cheque_no          TEXT,
    amount             NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency           CHAR(3) NOT NULL,
    bounced_on         DATE NOT NULL,
    reason             TEXT NOT NULL,
    -- STOPPED: a credit manager may reinstate; STOPPED_FOR_GOOD: a second bounce within 24 months.
    outcome            TEXT NOT NULL CHECK (outcome IN ('STOPPED', 'STOPPED_FOR_GOOD')),
    recorded_at        TIMESTAMPTZ NOT NULL,
    reinstated_by      TEXT,
    reinstated_at      TIMESTAMPTZ,
    reinstatement_note TEXT,
    CHECK ((reinstated_by IS NULL) = (reinstated_at IS NULL))
);
-- The scorecard counts bounces per customer in a window: one index range per customer, or one scan
-- of the (small) table for the whole portfolio.
CREATE INDEX cheque_bounce_customer_idx ON cheque_bounce (customer_id, bounced_on);

-- Legal cases live in monitoring (V32__legal_cases.sql); a second bounce opens one through its facade.

-- The open items a legal case recovers, as they stood when it was opened.
CREATE TABLE recovery_item (
    legal_case_id BIGINT NOT NULL REFERENCES legal_case (id),
    customer_id   BIGINT NOT NULL REFERENCES customer (id),
    invoice_no    TEXT NOT NULL,
    open_amount   NUMERIC(19, 2) NOT NULL CHECK (open_amount > 0),
    currency      CHAR(3) NOT NULL,
    marked_on     DATE NOT NULL,
    PRIMARY KEY (legal_case_id, invoice_no)
);
CREATE INDEX recovery_item_customer_idx ON recovery_item (customer_id, invoice_no);
