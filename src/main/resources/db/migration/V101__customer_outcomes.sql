-- Outcomes recorded per customer (issue 16): a default, an insolvency, a legal case or a write-off on a
-- date, entered by API or CSV (a company's own losses or a bureau's default flags), so a scorecard can be
-- fitted to them ("recorded outcome within H months"). One row per customer, type and date: recording
-- the same outcome again changes nothing.
CREATE TABLE customer_outcome (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    type        TEXT NOT NULL CHECK (type IN ('DEFAULT', 'INSOLVENCY', 'LEGAL_CASE', 'WRITE_OFF')),
    occurred_on DATE NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (customer_id, type, occurred_on)
);
CREATE INDEX customer_outcome_on_idx ON customer_outcome (occurred_on, customer_id);
