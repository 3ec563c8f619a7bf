-- The ERP's feed without a lock among writers (issue 14: blocked orders were placed one at a time).
--
-- Before: writers took ids from a sequence under a global advisory lock held to commit, so ids
-- committed in order and a reader resuming "after" an id never skipped one. Now a writer only inserts:
-- the row carries its transaction's id (xid8) and no feed id yet. An event gets its feed id (`id`) when
-- it becomes readable, that is when every transaction that could still add an event before it has
-- ended: a reader gives ids, in (xid, entry) order, to the waiting events whose transaction is older
-- than every transaction still running (xid < pg_snapshot_xmin(pg_current_snapshot())), under a lock
-- held by readers only. Ids stay gapless and increasing in feed order, so `GET /events?after={id}`
-- keeps its meaning (docs/api.md).
ALTER TABLE erp_event DROP CONSTRAINT erp_event_pkey;
ALTER TABLE erp_event ALTER COLUMN id DROP DEFAULT, ALTER COLUMN id DROP NOT NULL;
DROP SEQUENCE erp_event_id_seq;
-- The row's own key, in insertion order; events written before this migration keep their ids.
ALTER TABLE erp_event ADD COLUMN entry BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE erp_event ADD PRIMARY KEY (entry);
ALTER TABLE erp_event ADD CONSTRAINT erp_event_id_key UNIQUE (id);
-- The writing (top-level) transaction; NULL for events that already had their id before this migration.
ALTER TABLE erp_event ADD COLUMN xid xid8;
ALTER TABLE erp_event ALTER COLUMN xid SET DEFAULT pg_current_xact_id();
ALTER TABLE erp_event ADD CONSTRAINT erp_event_waiting_has_xid CHECK (id IS NOT NULL OR xid IS NOT NULL);
CREATE INDEX erp_event_waiting_idx ON erp_event (xid, entry) WHERE id IS NULL;
