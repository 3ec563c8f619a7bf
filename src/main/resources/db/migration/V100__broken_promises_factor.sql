-- BROKEN_PROMISES_12M (issue 9): promises to pay that were broken or only partly kept in the 12 months
-- before the scoring date, read through collections' published function customer_broken_promises(asOf)
-- (V51). A broken promise is a collector's hardest signal after a bounced cheque: the customer said when
-- it would pay and did not. The weight comes from the arrears open on the date (0.35 -> 0.30), so a
-- customer with nothing overdue and no broken promise keeps its score.
--
-- Only the seeded default cards change (as V47: source DEFAULT, created by the system, version 1); a
-- fitted card is untouched (it simply has no such factor and the run skips it for that card).
-- Rerunnable: the factor and its bands are upserted.
--
-- ScoreTestCards reads this file after V47: keep the VALUES rows in V47's shape.

CREATE TEMPORARY TABLE promise_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO promise_factor VALUES
    ('MAX_DAYS_OVERDUE', 4, 0.30),
    ('BROKEN_PROMISES_12M', 13, 0.05);

CREATE TEMPORARY TABLE promise_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO promise_band VALUES
    ('BROKEN_PROMISES_12M', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('BROKEN_PROMISES_12M', 1, FALSE, NULL, 1, 100, 'no broken promise to pay in 12 months'),
    ('BROKEN_PROMISES_12M', 2, FALSE, 1, 2, 30, 'one broken promise to pay in 12 months'),
    ('BROKEN_PROMISES_12M', 3, FALSE, 2, NULL, 0, 'two or more broken promises to pay in 12 months');

CREATE TEMPORARY TABLE seeded_card AS
SELECT s.id FROM scorecard s
WHERE s.source = 'DEFAULT' AND s.created_by = 'system' AND s.version = 1 AND s.name = 'Default scorecard';

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT c.id, f.factor, f.position, f.weight
FROM seeded_card c CROSS JOIN promise_factor f
ON CONFLICT (scorecard_id, factor) DO UPDATE SET position = EXCLUDED.position, weight = EXCLUDED.weight;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM seeded_card c CROSS JOIN promise_band b
ON CONFLICT (scorecard_id, factor, position) DO UPDATE
    SET missing = EXCLUDED.missing, from_value = EXCLUDED.from_value, to_value = EXCLUDED.to_value,
        grade = EXCLUDED.grade, label = EXCLUDED.label;

DROP TABLE seeded_card;
DROP TABLE promise_factor;
DROP TABLE promise_band;
