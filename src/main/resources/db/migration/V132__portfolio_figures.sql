-- Issue 18 (every page within 200 ms at 100,000 customers): the home dashboard's figures and its DSO trend's
-- sales, stored per area after each daily run instead of computed over the whole book on every visit
-- (measured at 100,000 customers: the credit state of every customer, its figures and 13 dates of 90 days'
-- sales took tens of seconds together).

-- Which dates have stored figures (today's tiles: only for a run of the current day, because the figures are
-- today's open amounts) and stored sales (every run's date, the DSO trend's points).
CREATE TABLE portfolio_day (
    as_of             DATE PRIMARY KEY,
    figures_stored_at TIMESTAMPTZ,
    sales_stored_at   TIMESTAMPTZ
);

-- The tiles per area and customer currency, as customer_figures() and customer_credit_states() give them.
CREATE TABLE portfolio_figures (
    as_of             DATE NOT NULL REFERENCES portfolio_day (as_of) ON DELETE CASCADE,
    area_code         TEXT NOT NULL,
    currency          CHAR(3) NOT NULL,
    customers         INTEGER NOT NULL,
    exposure          NUMERIC(19, 2) NOT NULL,
    limits            NUMERIC(19, 2) NOT NULL,
    without_limit     INTEGER NOT NULL,
    over_limit        INTEGER NOT NULL,
    overdue           NUMERIC(19, 2) NOT NULL,
    overdue_customers INTEGER NOT NULL,
    on_hold           INTEGER NOT NULL,
    stopped           INTEGER NOT NULL,
    level1            INTEGER NOT NULL,
    level2            INTEGER NOT NULL,
    level3            INTEGER NOT NULL,
    level4            INTEGER NOT NULL,
    class_a           INTEGER NOT NULL,
    class_b           INTEGER NOT NULL,
    class_c           INTEGER NOT NULL,
    class_d           INTEGER NOT NULL,
    class_e           INTEGER NOT NULL,
    PRIMARY KEY (as_of, area_code, currency)
);

-- Invoiced in the 90 days up to the date, per area of the customer and invoice currency.
CREATE TABLE portfolio_sales (
    as_of     DATE NOT NULL REFERENCES portfolio_day (as_of) ON DELETE CASCADE,
    area_code TEXT NOT NULL,
    currency  CHAR(3) NOT NULL,
    invoiced  NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (as_of, area_code, currency)
);

-- What was invoiced in the p_days days up to and including the date, per area and currency: the sales side
-- of days sales outstanding per area (invoiced_before, V121, sums over areas).
CREATE FUNCTION invoiced_by_area(p_as_of DATE, p_days INTEGER)
    RETURNS TABLE (area_code TEXT, currency CHAR(3), amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
SELECT c.area_code, i.currency, sum(i.amount)
FROM invoice i
JOIN customer c ON c.id = i.customer_id
WHERE i.issue_date > p_as_of - p_days AND i.issue_date <= p_as_of
GROUP BY c.area_code, i.currency
$$;
