-- The ERP feed's key over numbered events only (issue 14, session 10: order entry). V142 leaves an event's `id`
-- NULL until a reader numbers it and keeps the UNIQUE constraint erp_event_id_key over `id`, so every new event (one
-- per blocked order) wrote a NULL entry into that index which no reader looks up: the feed reads `id > :after` and
-- `max(id)`, both over numbered rows only. A unique index over the numbered rows keeps the ids unique and serves the
-- same reads (their plans use it), one index entry fewer per new event.
--
-- Repeatable, not versioned: V142 creates the constraint, and order entry's version range (V129, V137–V139) runs
-- before V142 on a fresh install. Idempotent: Flyway runs it after every versioned migration whenever this text
-- changes.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'erp_event_id_key' AND conrelid = 'erp_event'::regclass) THEN
        ALTER TABLE erp_event DROP CONSTRAINT erp_event_id_key;
    END IF;
END
$$;
CREATE UNIQUE INDEX IF NOT EXISTS erp_event_id_key ON erp_event (id) WHERE id IS NOT NULL;
