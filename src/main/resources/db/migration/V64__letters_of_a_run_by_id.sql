-- A letter run queues its letters' e-mails a slice at a time, read by (run_id, id) after the last letter read: at
-- 1,000,000 customers a run writes ~240,000 letters, whose texts do not fit a 512 MB heap at once (issue 14 item 5).
-- The index on run_id alone would sort every letter of the run again for each slice.
CREATE INDEX reminder_letter_run_id_idx ON reminder_letter (run_id, id);
DROP INDEX reminder_letter_run_idx;
