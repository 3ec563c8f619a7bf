-- Issue 18: the daily run keeps the aging it computes (per customer, currency and bucket) as a snapshot
-- of its business date, so trends and "as of a past run date" views read a few rows instead of replaying
-- the whole allocation history. Pruned by the run: every date for the last 90 days, the last snapshot of
-- each month for 5 years (creditdesk.monitoring.snapshots.*).

-- One row per snapshot date; bucket_set records the bucket definitions the snapshot was cut with, so a
-- snapshot taken before the buckets were reconfigured is never read as if it used the new ones.
CREATE TABLE aging_snapshot_date (
    as_of      DATE PRIMARY KEY,
    bucket_set TEXT NOT NULL,
    taken_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- No foreign keys: a snapshot is history, written and pruned in bulk.
CREATE TABLE aging_snapshot (
    as_of       DATE NOT NULL,
    customer_id BIGINT NOT NULL,
    currency    CHAR(3) NOT NULL,
    bucket      TEXT NOT NULL,
    invoices    INTEGER NOT NULL,
    open_amount NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (as_of, customer_id, currency, bucket)
);
