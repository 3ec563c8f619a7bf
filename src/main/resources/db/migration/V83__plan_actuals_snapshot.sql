-- Plan against actual as the daily run of the current business day found it (issue 12: the status and the DSO
-- trend must not re-read the whole ledger on every view). Only the newest computation is kept. What is stored
-- does not depend on the plan (receivables, month-end sum, days outstanding, sales), so a plan approved later
-- in the day applies to it at once. Area and product-line nodes also keep their monthly movements (net and
-- sales per month bucket of the stored window, oldest first; bucket 0 = before the window) for the DSO trend and
-- for an area-scoped caller's product lines (the sum of their areas).
CREATE TABLE plan_snapshot (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    as_of       DATE NOT NULL,
    months      INTEGER NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE plan_snapshot_node (
    level           TEXT NOT NULL CHECK (level IN ('productLine', 'area', 'customer')),
    product_line    TEXT NOT NULL,
    area_code       TEXT,
    customer_code   TEXT,
    customer_name   TEXT,
    net             NUMERIC[],
    sales           NUMERIC[],
    receivables     NUMERIC NOT NULL,
    month_end_sum   NUMERIC NOT NULL,
    samples         INTEGER NOT NULL,
    days            NUMERIC NOT NULL,
    simple_days     NUMERIC NOT NULL,
    sales_in_period NUMERIC NOT NULL,
    last_year_sales NUMERIC NOT NULL
);

CREATE INDEX plan_snapshot_node_level_idx ON plan_snapshot_node (level, area_code);
