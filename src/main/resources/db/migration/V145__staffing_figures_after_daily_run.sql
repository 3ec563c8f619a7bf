-- Issue 18: the staffing page summed a year of sales and every open invoice per area on every visit (2.1 s at
-- 100,000 customers on a quiet machine). After the daily run of the current day, monitoring stores the figures
-- per area in the company currency as of the run's date; the page reads them for that date and says when they
-- were stored, and computes them live for any other date. Supervisors and their shares stay live (user tables).
CREATE TABLE staffing_day (
    as_of     DATE PRIMARY KEY,
    currency  CHAR(3) NOT NULL,
    stored_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE staffing_area_figures (
    as_of               DATE NOT NULL REFERENCES staffing_day (as_of) ON DELETE CASCADE,
    area_code           TEXT NOT NULL,
    customers           INTEGER NOT NULL,
    annual_sales        NUMERIC(19, 2) NOT NULL,
    open_receivables    NUMERIC(19, 2) NOT NULL,
    overdue_receivables NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (as_of, area_code)
);
