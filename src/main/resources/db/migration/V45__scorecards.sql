-- Scorecards are data: per business group, versioned; exactly one active card per group.
-- A factor's points = weight x the grade (0..100) of the band its value falls in, so a card's
-- points add up to at most 100. A band covers [from_value, to_value) (NULL = open-ended); the
-- band with missing = TRUE is the one a customer without data for the factor gets.

CREATE TABLE scorecard (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                TEXT NOT NULL,
    business_group      TEXT NOT NULL CHECK (business_group IN ('VOLUME', 'VALUE_ADDED')),
    version             INTEGER NOT NULL,
    active              BOOLEAN NOT NULL DEFAULT FALSE,
    -- DEFAULT: the expert card shipped with CreditDesk; FITTED: weights fitted to the company's own history.
    source              TEXT NOT NULL CHECK (source IN ('DEFAULT', 'FITTED')),
    -- A recommended limit never exceeds this share of the customer's book equity (net worth) when known.
    net_worth_cap_share NUMERIC(5, 4) NOT NULL DEFAULT 0.25,
    fit_report          JSONB,
    created_by          TEXT NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    adopted_by          TEXT,
    adopted_at          TIMESTAMPTZ,
    UNIQUE (business_group, version)
);
CREATE UNIQUE INDEX scorecard_one_active_idx ON scorecard (business_group) WHERE active;

CREATE TABLE scorecard_factor (
    scorecard_id BIGINT NOT NULL REFERENCES scorecard (id),
    factor       TEXT NOT NULL,
    position     SMALLINT NOT NULL,
    weight       NUMERIC(7, 4) NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (scorecard_id, factor)
);

CREATE TABLE scorecard_band (
    scorecard_id BIGINT NOT NULL,
    factor       TEXT NOT NULL,
    position     SMALLINT NOT NULL,
    missing      BOOLEAN NOT NULL DEFAULT FALSE,
    from_value   NUMERIC(19, 4),
    to_value     NUMERIC(19, 4),
    grade        NUMERIC(7, 3) NOT NULL CHECK (grade BETWEEN 0 AND 100),
    label        TEXT NOT NULL,
    PRIMARY KEY (scorecard_id, factor, position),
    FOREIGN KEY (scorecard_id, factor) REFERENCES scorecard_factor (scorecard_id, factor),
    CHECK (NOT missing OR (from_value IS NULL AND to_value IS NULL)),
    CHECK (from_value IS NULL OR to_value IS NULL OR from_value < to_value)
);

-- Risk classes by score: the lowest score of each class, the class factor of the recommended limit
-- and how soon the customer is reviewed again.
CREATE TABLE scorecard_class (
    scorecard_id  BIGINT NOT NULL REFERENCES scorecard (id),
    risk_class    TEXT NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D', 'E')),
    min_score     NUMERIC(6, 2) NOT NULL,
    limit_factor  NUMERIC(5, 2) NOT NULL CHECK (limit_factor >= 0),
    review_months INTEGER NOT NULL CHECK (review_months > 0),
    PRIMARY KEY (scorecard_id, risk_class)
);

-- The default card, the same for both business groups. ------------------------------------------

INSERT INTO scorecard (name, business_group, version, active, source, created_by, adopted_by, adopted_at)
VALUES ('Default scorecard', 'VOLUME', 1, TRUE, 'DEFAULT', 'system', 'system', now()),
       ('Default scorecard', 'VALUE_ADDED', 1, TRUE, 'DEFAULT', 'system', 'system', now());

CREATE TEMPORARY TABLE default_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO default_factor VALUES
    ('DAYS_BEYOND_TERMS', 1, 0.20),
    ('LATE_PAYMENT_SHARE', 2, 0.10),
    ('BOUNCED_CHEQUES', 3, 0.10),
    ('MAX_DAYS_OVERDUE', 4, 0.20),
    ('LIMIT_UTILISATION', 5, 0.10),
    ('YEARS_IN_BUSINESS', 6, 0.05),
    ('SALES_TREND', 7, 0.05),
    ('CURRENT_RATIO', 8, 0.04),
    ('DEBT_RATIO', 9, 0.04),
    ('NET_MARGIN', 10, 0.04),
    ('ALTMAN_Z', 11, 0.04),
    ('EXTERNAL_RATING', 12, 0.04);

CREATE TEMPORARY TABLE default_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO default_band VALUES
    ('DAYS_BEYOND_TERMS', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('DAYS_BEYOND_TERMS', 1, FALSE, NULL, 1, 100, 'paid on terms'),
    ('DAYS_BEYOND_TERMS', 2, FALSE, 1, 8, 85, '1-7 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 3, FALSE, 8, 16, 60, '8-15 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 4, FALSE, 16, 31, 35, '16-30 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 5, FALSE, 31, 61, 15, '31-60 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 6, FALSE, 61, NULL, 0, 'over 60 days beyond terms'),
    ('LATE_PAYMENT_SHARE', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('LATE_PAYMENT_SHARE', 1, FALSE, NULL, 10, 100, 'under 10% paid late'),
    ('LATE_PAYMENT_SHARE', 2, FALSE, 10, 25, 80, '10-25% paid late'),
    ('LATE_PAYMENT_SHARE', 3, FALSE, 25, 50, 55, '25-50% paid late'),
    ('LATE_PAYMENT_SHARE', 4, FALSE, 50, 75, 30, '50-75% paid late'),
    ('LATE_PAYMENT_SHARE', 5, FALSE, 75, NULL, 10, '75% or more paid late'),
    ('BOUNCED_CHEQUES', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('BOUNCED_CHEQUES', 1, FALSE, NULL, 1, 100, 'no bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 2, FALSE, 1, 2, 30, 'one bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 3, FALSE, 2, NULL, 0, 'two or more bounced cheques in 24 months'),
    ('MAX_DAYS_OVERDUE', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('MAX_DAYS_OVERDUE', 1, FALSE, NULL, 1, 100, 'nothing overdue'),
    ('MAX_DAYS_OVERDUE', 2, FALSE, 1, 8, 80, '1-7 days overdue'),
    ('MAX_DAYS_OVERDUE', 3, FALSE, 8, 16, 60, '8-15 days overdue'),
    ('MAX_DAYS_OVERDUE', 4, FALSE, 16, 31, 35, '16-30 days overdue'),
    ('MAX_DAYS_OVERDUE', 5, FALSE, 31, 61, 15, '31-60 days overdue'),
    ('MAX_DAYS_OVERDUE', 6, FALSE, 61, NULL, 0, 'over 60 days overdue'),
    ('LIMIT_UTILISATION', 0, TRUE, NULL, NULL, 50, 'no credit limit: neutral'),
    ('LIMIT_UTILISATION', 1, FALSE, NULL, 50, 100, 'under 50% of the limit used'),
    ('LIMIT_UTILISATION', 2, FALSE, 50, 80, 80, '50-80% of the limit used'),
    ('LIMIT_UTILISATION', 3, FALSE, 80, 100, 55, '80-100% of the limit used'),
    ('LIMIT_UTILISATION', 4, FALSE, 100, 120, 25, '100-120% of the limit used'),
    ('LIMIT_UTILISATION', 5, FALSE, 120, NULL, 0, 'over 120% of the limit used'),
    ('YEARS_IN_BUSINESS', 0, TRUE, NULL, NULL, 50, 'founding date unknown: neutral'),
    ('YEARS_IN_BUSINESS', 1, FALSE, NULL, 2, 20, 'under 2 years in business'),
    ('YEARS_IN_BUSINESS', 2, FALSE, 2, 5, 50, '2-5 years in business'),
    ('YEARS_IN_BUSINESS', 3, FALSE, 5, 10, 75, '5-10 years in business'),
    ('YEARS_IN_BUSINESS', 4, FALSE, 10, NULL, 100, '10 years or more in business'),
    ('SALES_TREND', 0, TRUE, NULL, NULL, 50, 'no sales in the previous 6 months: neutral'),
    ('SALES_TREND', 1, FALSE, NULL, -30, 10, 'sales down over 30%'),
    ('SALES_TREND', 2, FALSE, -30, -10, 40, 'sales down 10-30%'),
    ('SALES_TREND', 3, FALSE, -10, 10, 70, 'sales steady (within 10%)'),
    ('SALES_TREND', 4, FALSE, 10, NULL, 100, 'sales up 10% or more'),
    ('CURRENT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('CURRENT_RATIO', 1, FALSE, NULL, 0.8, 10, 'current ratio under 0.8'),
    ('CURRENT_RATIO', 2, FALSE, 0.8, 1.0, 35, 'current ratio 0.8-1.0'),
    ('CURRENT_RATIO', 3, FALSE, 1.0, 1.5, 65, 'current ratio 1.0-1.5'),
    ('CURRENT_RATIO', 4, FALSE, 1.5, NULL, 100, 'current ratio 1.5 or more'),
    ('DEBT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('DEBT_RATIO', 1, FALSE, NULL, 40, 100, 'liabilities under 40% of assets'),
    ('DEBT_RATIO', 2, FALSE, 40, 60, 75, 'liabilities 40-60% of assets'),
    ('DEBT_RATIO', 3, FALSE, 60, 80, 40, 'liabilities 60-80% of assets'),
    ('DEBT_RATIO', 4, FALSE, 80, NULL, 10, 'liabilities 80% of assets or more'),
    ('NET_MARGIN', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('NET_MARGIN', 1, FALSE, NULL, 0, 10, 'loss-making'),
    ('NET_MARGIN', 2, FALSE, 0, 3, 45, 'net margin 0-3%'),
    ('NET_MARGIN', 3, FALSE, 3, 8, 75, 'net margin 3-8%'),
    ('NET_MARGIN', 4, FALSE, 8, NULL, 100, 'net margin 8% or more'),
    ('ALTMAN_Z', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('ALTMAN_Z', 1, FALSE, NULL, 1.1, 10, 'Z'''' under 1.1: distress zone'),
    ('ALTMAN_Z', 2, FALSE, 1.1, 2.6, 55, 'Z'''' 1.1-2.6: grey zone'),
    ('ALTMAN_Z', 3, FALSE, 2.6, NULL, 100, 'Z'''' 2.6 or more: safe zone'),
    ('EXTERNAL_RATING', 0, TRUE, NULL, NULL, 50, 'no external rating: neutral'),
    ('EXTERNAL_RATING', 1, FALSE, NULL, 4, 100, 'rated A or better'),
    ('EXTERNAL_RATING', 2, FALSE, 4, 5, 80, 'rated BBB'),
    ('EXTERNAL_RATING', 3, FALSE, 5, 6, 55, 'rated BB'),
    ('EXTERNAL_RATING', 4, FALSE, 6, 7, 35, 'rated B'),
    ('EXTERNAL_RATING', 5, FALSE, 7, NULL, 0, 'rated CCC or worse');

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT s.id, f.factor, f.position, f.weight FROM scorecard s CROSS JOIN default_factor f;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT s.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM scorecard s CROSS JOIN default_band b;

INSERT INTO scorecard_class (scorecard_id, risk_class, min_score, limit_factor, review_months)
SELECT s.id, c.risk_class, c.min_score, c.limit_factor, c.review_months
FROM scorecard s
CROSS JOIN (VALUES ('A', 85, 1.50, 12), ('B', 70, 1.20, 12), ('C', 55, 1.00, 6), ('D', 40, 0.50, 3), ('E', -1, 0.00, 1))
    AS c (risk_class, min_score, limit_factor, review_months);

DROP TABLE default_factor;
DROP TABLE default_band;
