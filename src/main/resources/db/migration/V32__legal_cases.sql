-- Legal cases (issue 4): the hand-over to the lawyer at escalation level 4 (and, later, recovery
-- after a second bounced cheque). IF NOT EXISTS because the risk module's first cut creates a minimal
-- legal_case too; the columns it relies on (id, customer_id, status, opened_on, lawyer, amount_claimed,
-- amount_recovered, notes) have the same names here.
CREATE TABLE IF NOT EXISTS legal_case (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id      BIGINT NOT NULL REFERENCES customer (id),
    status           TEXT NOT NULL CHECK (status IN ('OPEN', 'DEMAND_LETTER_SENT', 'FILED', 'JUDGMENT', 'SETTLED',
                                                     'WRITTEN_OFF')),
    opened_on        DATE NOT NULL,
    -- the assigned lawyer's username (a LEGAL user); NULL while the company has none
    lawyer           TEXT,
    amount_claimed   NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (amount_claimed >= 0),
    amount_recovered NUMERIC(19, 2) NOT NULL DEFAULT 0 CHECK (amount_recovered >= 0),
    notes            TEXT,
    currency         CHAR(3),
    -- LEVEL_4 (the daily run) or the opener's own code, e.g. SECOND_BOUNCED_CHEQUE
    reason           TEXT NOT NULL DEFAULT 'LEVEL_4',
    opened_by        TEXT NOT NULL DEFAULT 'system',
    closed_on        DATE,
    updated_by       TEXT,
    updated_at       TIMESTAMPTZ,
    version          BIGINT NOT NULL DEFAULT 0
);
-- One case in progress per customer: opening it again finds the same case.
CREATE UNIQUE INDEX IF NOT EXISTS legal_case_open_idx ON legal_case (customer_id)
    WHERE status NOT IN ('SETTLED', 'WRITTEN_OFF');
CREATE INDEX IF NOT EXISTS legal_case_status_idx ON legal_case (status, opened_on);
CREATE INDEX IF NOT EXISTS legal_case_customer_idx ON legal_case (customer_id, opened_on);
