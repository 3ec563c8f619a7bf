-- Issue 15 (security), findings 2 and 9.
-- Imported dates: the years 1900 to 2199 only, like every other way a date enters (shared.StrictDates).
CREATE OR REPLACE FUNCTION import_date(value TEXT) RETURNS DATE
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE
        WHEN length(value) = 10 AND translate(value, '0123456789', '') = '--'
             AND substr(value, 5, 1) = '-' AND substr(value, 1, 4) BETWEEN '1900' AND '2199'
             AND substr(value, 6, 2) BETWEEN '01' AND '12' AND substr(value, 9, 2) BETWEEN '01' AND '31'
             AND (substr(value, 9, 2) <= '28'
                  OR (substr(value, 6, 2) <> '02'
                      AND (substr(value, 9, 2) <> '31' OR substr(value, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12')))
                  OR (substr(value, 6, 5) = '02-29'
                      AND CAST(substr(value, 1, 4) AS INTEGER) % 4 = 0
                      AND (CAST(substr(value, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(value, 1, 4) AS INTEGER) % 400 = 0)))
        THEN CAST(value AS DATE) END;

-- The daily run records its start in its own transaction (RUNNING); the run's work turns the row into
-- COMPLETED, a failure into FAILED. A RUNNING row whose run holds no lock any more was interrupted
-- (killed process or machine) and reads as INTERRUPTED. A later run whose holds were rolled back by a
-- reset run of an earlier date is SUPERSEDED.
ALTER TABLE daily_run DROP CONSTRAINT daily_run_status_check;
ALTER TABLE daily_run ADD CONSTRAINT daily_run_status_check
    CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED', 'SUPERSEDED'));
ALTER TABLE daily_run ALTER COLUMN finished_at DROP NOT NULL;
ALTER TABLE daily_run ALTER COLUMN duration_ms DROP NOT NULL;
