-- The default HISTORY cards recalibrated (issue 16) so that the customer's payment habit, not only the
-- arrears open on the date, carries the weight: on a book whose lateness is short (never 60 days) the V47
-- card ranked "next invoice paid late" below the customer's plain past late rate, because its heaviest
-- factor (MAX_DAYS_OVERDUE, 0.30) says little there and its days-beyond-terms bands were coarse (1-7 days
-- all 95). Now days beyond terms weighs 0.20 with ten bands that fall steadily over the first 30 days, the
-- late share 0.12 with eight, and the arrears on the date 0.22 (their bands unchanged). The small factors
-- give a little (bounced cheques 0.10, utilisation 0.08, years 0.04, each ratio 0.03); broken promises 0.06.
-- Measured on the generated books before and after (docs/risk-model.md "Score quality", both seeds): the
-- lateness ranking and the 60+ days ranking.
--
-- Only the seeded default cards change, in place (as V47 and V100: source DEFAULT, created by the system,
-- version 1); a fitted card, and which card is active, stay as they are. The two factors' bands are
-- replaced whole (their number changes). Class cut-offs unchanged.
--
-- ScoreTestCards reads this file after V47 and V100: keep the VALUES rows in V47's shape.

CREATE TEMPORARY TABLE history_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO history_factor VALUES
    ('DAYS_BEYOND_TERMS', 1, 0.2),
    ('LATE_PAYMENT_SHARE', 2, 0.12),
    ('BOUNCED_CHEQUES', 3, 0.1),
    ('MAX_DAYS_OVERDUE', 4, 0.22),
    ('LIMIT_UTILISATION', 5, 0.08),
    ('YEARS_IN_BUSINESS', 6, 0.04),
    ('SALES_TREND', 7, 0.02),
    ('CURRENT_RATIO', 8, 0.03),
    ('DEBT_RATIO', 9, 0.03),
    ('NET_MARGIN', 10, 0.03),
    ('ALTMAN_Z', 11, 0.03),
    ('EXTERNAL_RATING', 12, 0.04),
    ('BROKEN_PROMISES_12M', 13, 0.06);

CREATE TEMPORARY TABLE history_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO history_band VALUES
    ('DAYS_BEYOND_TERMS', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('DAYS_BEYOND_TERMS', 1, FALSE, NULL, 1, 100, 'paid on terms'),
    ('DAYS_BEYOND_TERMS', 2, FALSE, 1, 4, 92, '1-3 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 3, FALSE, 4, 8, 80, '4-7 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 4, FALSE, 8, 11, 68, '8-10 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 5, FALSE, 11, 16, 55, '11-15 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 6, FALSE, 16, 21, 42, '16-20 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 7, FALSE, 21, 31, 28, '21-30 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 8, FALSE, 31, 46, 12, '31-45 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 9, FALSE, 46, 61, 5, '46-60 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 10, FALSE, 61, NULL, 0, 'over 60 days beyond terms'),
    ('LATE_PAYMENT_SHARE', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('LATE_PAYMENT_SHARE', 1, FALSE, NULL, 5, 100, 'under 5% paid late'),
    ('LATE_PAYMENT_SHARE', 2, FALSE, 5, 10, 92, '5-10% paid late'),
    ('LATE_PAYMENT_SHARE', 3, FALSE, 10, 20, 80, '10-20% paid late'),
    ('LATE_PAYMENT_SHARE', 4, FALSE, 20, 30, 65, '20-30% paid late'),
    ('LATE_PAYMENT_SHARE', 5, FALSE, 30, 45, 48, '30-45% paid late'),
    ('LATE_PAYMENT_SHARE', 6, FALSE, 45, 60, 32, '45-60% paid late'),
    ('LATE_PAYMENT_SHARE', 7, FALSE, 60, 80, 15, '60-80% paid late'),
    ('LATE_PAYMENT_SHARE', 8, FALSE, 80, NULL, 0, '80% or more paid late');

CREATE TEMPORARY TABLE seeded_card AS
SELECT s.id FROM scorecard s
WHERE s.source = 'DEFAULT' AND s.created_by = 'system' AND s.version = 1 AND s.name = 'Default scorecard';

UPDATE scorecard_factor sf SET position = f.position, weight = f.weight
FROM history_factor f WHERE sf.scorecard_id IN (SELECT id FROM seeded_card) AND sf.factor = f.factor;

DELETE FROM scorecard_band sb
WHERE sb.scorecard_id IN (SELECT id FROM seeded_card) AND sb.factor IN (SELECT DISTINCT factor FROM history_band);

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM seeded_card c CROSS JOIN history_band b;

DROP TABLE seeded_card;
DROP TABLE history_factor;
DROP TABLE history_band;
