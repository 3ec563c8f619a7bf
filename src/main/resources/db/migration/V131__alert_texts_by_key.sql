-- Issue 13: risk alerts are shown in the reader's language. An alert keeps its English message (the API's
-- feed and older rows) and, from now on, the bundle key and arguments it was written from, so pages render
-- it in the reader's language at display time. Rows without a key keep showing their stored message.
ALTER TABLE risk_alert ADD COLUMN message_key TEXT;
ALTER TABLE risk_alert ADD COLUMN message_args TEXT[];

-- The alerts page filters by type and pages newest first.
CREATE INDEX risk_alert_type_idx ON risk_alert (type, id);
