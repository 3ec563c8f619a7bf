-- Days beyond terms of the invoices due in the last 3 months (issue 16, session 7): the recent payment
-- habit beside the 12-month one, so a card fitted to "paid late" can see lateness that lengthens (or eases)
-- before the 12-month average does. Amount-weighted as DAYS_BEYOND_TERMS (paid: payment date, open: the
-- date); missing when no invoice fell due in the 3 months.
--
-- As V105/V107 for the thin-file cards: the factor goes on the seeded default history cards with weight 0,
-- so they score exactly as before (the line shows 0 points, the explanation still adds up); a fit refits
-- its bands from the data (monotone, MonotoneBanding) and weighs it. The bands are DAYS_BEYOND_TERMS'
-- (V106) and give the direction. Only the seeded cards change (source DEFAULT, created by the system,
-- version 1); fitted cards are untouched. Rerunnable: upserts.
--
-- ScoreTestCards reads this file after V106: keep the VALUES rows in V47's shape.

CREATE TEMPORARY TABLE recent_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO recent_factor VALUES
    ('DAYS_BEYOND_TERMS_3M', 14, 0);

CREATE TEMPORARY TABLE recent_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO recent_band VALUES
    ('DAYS_BEYOND_TERMS_3M', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 3 months: neutral'),
    ('DAYS_BEYOND_TERMS_3M', 1, FALSE, NULL, 1, 100, 'paid on terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 2, FALSE, 1, 4, 92, '1-3 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 3, FALSE, 4, 8, 80, '4-7 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 4, FALSE, 8, 11, 68, '8-10 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 5, FALSE, 11, 16, 55, '11-15 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 6, FALSE, 16, 21, 42, '16-20 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 7, FALSE, 21, 31, 28, '21-30 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 8, FALSE, 31, 46, 12, '31-45 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 9, FALSE, 46, 61, 5, '46-60 days beyond terms (last 3 months)'),
    ('DAYS_BEYOND_TERMS_3M', 10, FALSE, 61, NULL, 0, 'over 60 days beyond terms (last 3 months)');

CREATE TEMPORARY TABLE recent_card AS
SELECT s.id FROM scorecard s
WHERE s.source = 'DEFAULT' AND s.created_by = 'system' AND s.version = 1 AND s.name = 'Default scorecard';

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT c.id, f.factor, f.position, f.weight
FROM recent_card c CROSS JOIN recent_factor f
ON CONFLICT (scorecard_id, factor) DO UPDATE SET position = EXCLUDED.position, weight = EXCLUDED.weight;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM recent_card c CROSS JOIN recent_band b
ON CONFLICT (scorecard_id, factor, position) DO UPDATE
    SET missing = EXCLUDED.missing, from_value = EXCLUDED.from_value, to_value = EXCLUDED.to_value,
        grade = EXCLUDED.grade, label = EXCLUDED.label;

DROP TABLE recent_card;
DROP TABLE recent_factor;
DROP TABLE recent_band;
