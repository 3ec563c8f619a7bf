-- Score history, financial statements, external ratings and alerts.

-- One score per customer per business date; rescoring the same date replaces it.
CREATE TABLE score_history (
    customer_id       BIGINT NOT NULL REFERENCES customer (id),
    as_of             DATE NOT NULL,
    scorecard_id      BIGINT NOT NULL REFERENCES scorecard (id),
    score             NUMERIC(6, 2) NOT NULL,
    risk_class        TEXT NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D', 'E')),
    -- [{name, value, points, band}] in the card's factor order; the points add up to score.
    factors           JSONB NOT NULL,
    recommended_limit NUMERIC(19, 2) NOT NULL,
    currency          CHAR(3) NOT NULL,
    review_on         DATE NOT NULL,
    scored_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, as_of)
);
CREATE INDEX score_history_as_of_idx ON score_history (as_of, risk_class);

-- Each customer's newest score and the class before it (the class-drop alert compares the two).
CREATE TABLE customer_score (
    customer_id    BIGINT PRIMARY KEY REFERENCES customer (id),
    as_of          DATE NOT NULL,
    score          NUMERIC(6, 2) NOT NULL,
    risk_class     TEXT NOT NULL,
    previous_class TEXT
);
CREATE INDEX customer_score_class_idx ON customer_score (risk_class);

-- The scoring run counts bounced cheques for the whole portfolio; bounces are rare.
CREATE INDEX IF NOT EXISTS payment_bounced_score_idx ON payment (customer_id, bounced_on) WHERE status = 'BOUNCED';

-- Financial statements per customer and fiscal year, in the customer's currency.
CREATE TABLE financial_statement (
    customer_id         BIGINT NOT NULL REFERENCES customer (id),
    year                INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    currency            CHAR(3) NOT NULL,
    revenue             NUMERIC(19, 2) NOT NULL,
    net_income          NUMERIC(19, 2) NOT NULL,
    ebit                NUMERIC(19, 2) NOT NULL,
    current_assets      NUMERIC(19, 2) NOT NULL,
    current_liabilities NUMERIC(19, 2) NOT NULL,
    total_assets        NUMERIC(19, 2) NOT NULL CHECK (total_assets > 0),
    total_liabilities   NUMERIC(19, 2) NOT NULL,
    retained_earnings   NUMERIC(19, 2) NOT NULL,
    book_equity         NUMERIC(19, 2) NOT NULL,
    updated_by          TEXT NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, year)
);

-- External ratings (agency grades AAA..D), the newest on or before the scoring date counts.
CREATE TABLE external_rating (
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    rated_on    DATE NOT NULL,
    agency      TEXT NOT NULL,
    rating      TEXT NOT NULL CHECK (rating IN ('AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D')),
    updated_by  TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, rated_on, agency)
);

-- Shared with the bounced-cheque and linked-party work (same definition there).
-- Class drops are raised into risk_alert (V42__risk_alerts.sql) with type CLASS_DROP.
