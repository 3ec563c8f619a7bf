-- The KPIs of an open period as the daily run found them (issue 11: the board answers from here instead
-- of recomputing every rep's KPIs over the whole book on each view). One row per period: the newest
-- computation replaces the older one. Closed periods keep their frozen results in appraisal_result.
CREATE TABLE appraisal_kpi_snapshot (
    period_key  TEXT PRIMARY KEY,
    as_of       DATE NOT NULL,
    computed_at TIMESTAMPTZ NOT NULL,
    computed_by TEXT NOT NULL,
    kpis        JSONB NOT NULL
);
