-- Issue 18: "my escalations" sorted every open task of the user by its episode's level before taking a page
-- (433 ms at 100,000 customers for a credit manager). The task keeps its episode's level (an episode's level never
-- changes: another level is another episode), so one index gives the page in order.
ALTER TABLE escalation_task ADD COLUMN level INTEGER;
UPDATE escalation_task t SET level = h.level FROM escalation_history h WHERE h.id = t.history_id;
ALTER TABLE escalation_task ALTER COLUMN level SET NOT NULL;

-- A writer that does not name the level gets its episode's.
CREATE FUNCTION escalation_task_level() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.level IS NULL THEN
        NEW.level := (SELECT h.level FROM escalation_history h WHERE h.id = NEW.history_id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER escalation_task_level BEFORE INSERT ON escalation_task
    FOR EACH ROW EXECUTE FUNCTION escalation_task_level();

CREATE INDEX escalation_task_open_order_idx ON escalation_task (user_id, level DESC, created_on, id)
    WHERE done_at IS NULL;
