-- Issue 15 finding 10: which blocking reasons raise the authority a release of a blocked order needs.
-- Part of the authority matrix, as data: a row names a reason code (credit.ReasonCode), optionally the
-- escalation level from which it applies, and who alone may release past it: GENERAL_MANAGER, or
-- NOBODY (the order can never be released; the block must be lifted at its cause). Other modules add
-- rows for their reasons (e.g. PLAN_EXCEEDED); a reason without a row needs only the amount authority,
-- which is judged on the customer's exposure after the release, not on the order amount alone.
CREATE TABLE release_reason_authority (
    reason     TEXT PRIMARY KEY,
    from_level SMALLINT CHECK (from_level BETWEEN 1 AND 4),
    needs      TEXT NOT NULL CHECK (needs IN ('GENERAL_MANAGER', 'NOBODY'))
);
INSERT INTO release_reason_authority (reason, from_level, needs) VALUES
    ('CREDIT_STOPPED', NULL, 'NOBODY'),
    ('LEGAL', NULL, 'GENERAL_MANAGER'),
    ('OVERDUE', 3, 'GENERAL_MANAGER');
