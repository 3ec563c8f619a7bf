-- Risk alerts: what the credit department should look at now, as a feed (GET /risk/alerts?after=).
CREATE TABLE risk_alert (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                  TIMESTAMPTZ NOT NULL,
    customer_id         BIGINT NOT NULL REFERENCES customer (id),
    type                TEXT NOT NULL CHECK (type IN ('LINK_TO_STOPPED', 'CHEQUE_BOUNCED', 'FIRST_OVERDUE', 'CLASS_DROP')),
    message             TEXT NOT NULL,
    -- The other customer of a link, when the alert is about one.
    related_customer_id BIGINT REFERENCES customer (id),
    -- The business date the alert is about (a bounce's date, a scoring run's asOf).
    business_date       DATE
);
CREATE INDEX risk_alert_customer_idx ON risk_alert (customer_id, id);
-- A link to a stopped customer is announced once per pair, however often the keys are rebuilt.
CREATE UNIQUE INDEX risk_alert_link_once_idx ON risk_alert (customer_id, related_customer_id)
    WHERE type = 'LINK_TO_STOPPED';
