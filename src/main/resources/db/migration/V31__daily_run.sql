-- The daily run (issue 4): one row per run with what it found and did, and how long it took.
-- A run's work and its COMPLETED row commit together; a run that failed leaves only a FAILED row
-- (written after its transaction rolled back), so the history shows every attempt.
CREATE TABLE daily_run (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of               DATE NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('COMPLETED', 'FAILED')),
    run_by              TEXT NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ NOT NULL,
    duration_ms         BIGINT NOT NULL CHECK (duration_ms >= 0),
    customers_evaluated INTEGER NOT NULL DEFAULT 0,
    new_holds           INTEGER NOT NULL DEFAULT 0,
    released_holds      INTEGER NOT NULL DEFAULT 0,
    -- customers on each level as of the date, and those that entered a level in this run: {"1": n, ..}
    escalations         JSONB NOT NULL DEFAULT '{}',
    entered             JSONB NOT NULL DEFAULT '{}',
    tasks_created       INTEGER NOT NULL DEFAULT 0,
    letters_generated   INTEGER NOT NULL DEFAULT 0,
    legal_cases_opened  INTEGER NOT NULL DEFAULT 0,
    -- the aging snapshot: per bucket and currency, customers, invoices and the open amount
    aging               JSONB NOT NULL DEFAULT '[]',
    error               TEXT
);
CREATE INDEX daily_run_as_of_idx ON daily_run (as_of, id);
