-- Working-capital planning (DESIGN.md point 9, API.md "Fund planning"): the yearly fund plan.
-- A plan is versioned per year: a PUT writes the year's draft (a new version once the last one is
-- approved), a general manager approves it; the approved version steers credit until a newer version
-- of the same year is approved (the older one becomes SUPERSEDED). Amounts are in the company currency.

CREATE TABLE fund_plan (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_year            INTEGER NOT NULL CHECK (plan_year BETWEEN 2000 AND 2999),
    version              INTEGER NOT NULL CHECK (version >= 1),
    status               TEXT NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'SUPERSEDED')),
    capital              NUMERIC(19, 2) NOT NULL CHECK (capital >= 0),
    -- Yearly cost of capital as a fraction: 0.0600 = 6 % a year.
    cost_of_capital_rate NUMERIC(9, 6) NOT NULL CHECK (cost_of_capital_rate >= 0 AND cost_of_capital_rate < 1),
    industry_days        INTEGER CHECK (industry_days BETWEEN 1 AND 3650),
    drafted_by           TEXT NOT NULL,
    drafted_at           TIMESTAMPTZ NOT NULL,
    approved_by          TEXT,
    approved_at          TIMESTAMPTZ,
    UNIQUE (plan_year, version),
    CHECK ((status = 'DRAFT') = (approved_by IS NULL))
);
-- At most one draft and one approved version per year.
CREATE UNIQUE INDEX fund_plan_one_draft_idx ON fund_plan (plan_year) WHERE status = 'DRAFT';
CREATE UNIQUE INDEX fund_plan_one_approved_idx ON fund_plan (plan_year) WHERE status = 'APPROVED';

CREATE TABLE fund_plan_product_line (
    plan_id        BIGINT NOT NULL REFERENCES fund_plan (id) ON DELETE CASCADE,
    product_line   TEXT NOT NULL REFERENCES product_line (code),
    business_group TEXT NOT NULL CHECK (business_group IN ('VOLUME', 'VALUE_ADDED')),
    amount         NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    target_days    INTEGER NOT NULL CHECK (target_days BETWEEN 1 AND 3650),
    -- Gross margin as a percentage of sales: 18.50 = 18.5 %.
    gross_margin   NUMERIC(5, 2) CHECK (gross_margin BETWEEN -100 AND 100),
    PRIMARY KEY (plan_id, product_line)
);

CREATE TABLE fund_plan_area (
    plan_id      BIGINT NOT NULL,
    product_line TEXT NOT NULL,
    area_code    TEXT NOT NULL REFERENCES area (code),
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    target_days  INTEGER NOT NULL CHECK (target_days BETWEEN 1 AND 3650),
    PRIMARY KEY (plan_id, product_line, area_code),
    FOREIGN KEY (plan_id, product_line) REFERENCES fund_plan_product_line (plan_id, product_line) ON DELETE CASCADE
);
CREATE INDEX fund_plan_area_area_idx ON fund_plan_area (area_code, plan_id);

CREATE TABLE fund_plan_customer (
    plan_id      BIGINT NOT NULL,
    product_line TEXT NOT NULL,
    area_code    TEXT NOT NULL,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    target_days  INTEGER NOT NULL CHECK (target_days BETWEEN 1 AND 3650),
    PRIMARY KEY (plan_id, product_line, customer_id),
    FOREIGN KEY (plan_id, product_line, area_code)
        REFERENCES fund_plan_area (plan_id, product_line, area_code) ON DELETE CASCADE
);
CREATE INDEX fund_plan_customer_customer_idx ON fund_plan_customer (customer_id, plan_id);
