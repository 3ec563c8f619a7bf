-- Issue 16: the outcome the company fits its scorecards to is a stored company setting (one row),
-- changed by API or the fit page and audited; a fit that names no outcome uses it. The default is
-- the outcome fits used before it was a setting: an invoice 60+ days overdue within 6 months.
CREATE TABLE score_outcome_setting (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    kind       TEXT NOT NULL CHECK (kind IN ('PAID_LATE', 'REACHES_OVERDUE', 'RECORDED')),
    days       INT NOT NULL CHECK (days BETWEEN 0 AND 365),
    months     INT NOT NULL CHECK (months BETWEEN 1 AND 36),
    CHECK (kind <> 'RECORDED' OR days = 0),
    changed_by TEXT,
    changed_at TIMESTAMPTZ
);
INSERT INTO score_outcome_setting (id, kind, days, months) VALUES (1, 'REACHES_OVERDUE', 60, 6);

-- A recorded outcome may carry a note (what happened, the bureau's reference), entered on the page.
ALTER TABLE customer_outcome ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) <= 500);
