-- The default card, recalibrated against the generated history (docs/risk-model.md, "Quality"):
-- the arrears open on the scoring date now carry the most weight (0.35), because an invoice already
-- weeks overdue is what turns into 60+ days within six months; a steady habit of paying a few weeks
-- late costs less than before (days beyond terms and the late share 0.08 each, 16-30 days beyond
-- terms keeps 70 of 100), since slow payers who always pay are a collection cost, not a default;
-- a bounced cheque weighs more (0.12) as a hard signal. Class A starts at 82 so that a customer with a
-- clean record and no financial statement, limit or rating on file (30 % of the weight sitting
-- neutral at 50) can reach it; a customer 60+ days overdue on the date lands in E (< 45). B starts at 75
-- because a customer without any invoice yet counts as "nothing overdue, no bounce" (47 points) and
-- scores 72-76: unless it has been in business for 10 years, it starts in C.
--
-- Only the seeded default cards change, in place (same ids, so score_history keeps pointing at them;
-- each stored score keeps the points it was computed with, see V49). A fitted card stays
-- untouched, and so does which card is active: where a credit manager adopted a fitted card, it stays
-- active and the recalibrated default waits inactive. No audit entry: this is a reviewed, versioned
-- change of the shipped defaults, recorded by Flyway's schema history, not a user's decision in the
-- running system (adopting a card, which is audited, stays the only way a user changes the active card).
--
-- ScoreTestCards reads the card from this file: keep the VALUES rows in this shape.

CREATE TEMPORARY TABLE default_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO default_factor VALUES
    ('DAYS_BEYOND_TERMS', 1, 0.08),
    ('LATE_PAYMENT_SHARE', 2, 0.08),
    ('BOUNCED_CHEQUES', 3, 0.12),
    ('MAX_DAYS_OVERDUE', 4, 0.35),
    ('LIMIT_UTILISATION', 5, 0.10),
    ('YEARS_IN_BUSINESS', 6, 0.05),
    ('SALES_TREND', 7, 0.02),
    ('CURRENT_RATIO', 8, 0.04),
    ('DEBT_RATIO', 9, 0.04),
    ('NET_MARGIN', 10, 0.04),
    ('ALTMAN_Z', 11, 0.04),
    ('EXTERNAL_RATING', 12, 0.04);

CREATE TEMPORARY TABLE default_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO default_band VALUES
    ('DAYS_BEYOND_TERMS', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('DAYS_BEYOND_TERMS', 1, FALSE, NULL, 1, 100, 'paid on terms'),
    ('DAYS_BEYOND_TERMS', 2, FALSE, 1, 8, 95, '1-7 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 3, FALSE, 8, 16, 85, '8-15 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 4, FALSE, 16, 31, 70, '16-30 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 5, FALSE, 31, 61, 20, '31-60 days beyond terms'),
    ('DAYS_BEYOND_TERMS', 6, FALSE, 61, NULL, 0, 'over 60 days beyond terms'),
    ('LATE_PAYMENT_SHARE', 0, TRUE, NULL, NULL, 50, 'no invoice due in the last 12 months: neutral'),
    ('LATE_PAYMENT_SHARE', 1, FALSE, NULL, 10, 100, 'under 10% paid late'),
    ('LATE_PAYMENT_SHARE', 2, FALSE, 10, 25, 85, '10-25% paid late'),
    ('LATE_PAYMENT_SHARE', 3, FALSE, 25, 50, 50, '25-50% paid late'),
    ('LATE_PAYMENT_SHARE', 4, FALSE, 50, 75, 25, '50-75% paid late'),
    ('LATE_PAYMENT_SHARE', 5, FALSE, 75, NULL, 0, '75% or more paid late'),
    ('BOUNCED_CHEQUES', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('BOUNCED_CHEQUES', 1, FALSE, NULL, 1, 100, 'no bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 2, FALSE, 1, 2, 40, 'one bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 3, FALSE, 2, NULL, 0, 'two or more bounced cheques in 24 months'),
    ('MAX_DAYS_OVERDUE', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('MAX_DAYS_OVERDUE', 1, FALSE, NULL, 1, 100, 'nothing overdue'),
    ('MAX_DAYS_OVERDUE', 2, FALSE, 1, 8, 75, '1-7 days overdue'),
    ('MAX_DAYS_OVERDUE', 3, FALSE, 8, 16, 65, '8-15 days overdue'),
    ('MAX_DAYS_OVERDUE', 4, FALSE, 16, 31, 45, '16-30 days overdue'),
    ('MAX_DAYS_OVERDUE', 5, FALSE, 31, 61, 25, '31-60 days overdue'),
    ('MAX_DAYS_OVERDUE', 6, FALSE, 61, NULL, 0, 'over 60 days overdue'),
    ('LIMIT_UTILISATION', 0, TRUE, NULL, NULL, 50, 'no credit limit: neutral'),
    ('LIMIT_UTILISATION', 1, FALSE, NULL, 50, 100, 'under 50% of the limit used'),
    ('LIMIT_UTILISATION', 2, FALSE, 50, 80, 80, '50-80% of the limit used'),
    ('LIMIT_UTILISATION', 3, FALSE, 80, 100, 55, '80-100% of the limit used'),
    ('LIMIT_UTILISATION', 4, FALSE, 100, 120, 25, '100-120% of the limit used'),
    ('LIMIT_UTILISATION', 5, FALSE, 120, NULL, 0, 'over 120% of the limit used'),
    ('YEARS_IN_BUSINESS', 0, TRUE, NULL, NULL, 50, 'founding date unknown: neutral'),
    ('YEARS_IN_BUSINESS', 1, FALSE, NULL, 2, 20, 'under 2 years in business'),
    ('YEARS_IN_BUSINESS', 2, FALSE, 2, 5, 50, '2-5 years in business'),
    ('YEARS_IN_BUSINESS', 3, FALSE, 5, 10, 75, '5-10 years in business'),
    ('YEARS_IN_BUSINESS', 4, FALSE, 10, NULL, 100, '10 years or more in business'),
    ('SALES_TREND', 0, TRUE, NULL, NULL, 50, 'no sales in the previous 6 months: neutral'),
    ('SALES_TREND', 1, FALSE, NULL, -30, 0, 'sales down over 30%'),
    ('SALES_TREND', 2, FALSE, -30, -10, 40, 'sales down 10-30%'),
    ('SALES_TREND', 3, FALSE, -10, 10, 70, 'sales steady (within 10%)'),
    ('SALES_TREND', 4, FALSE, 10, NULL, 100, 'sales up 10% or more'),
    ('CURRENT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('CURRENT_RATIO', 1, FALSE, NULL, 0.8, 10, 'current ratio under 0.8'),
    ('CURRENT_RATIO', 2, FALSE, 0.8, 1.0, 35, 'current ratio 0.8-1.0'),
    ('CURRENT_RATIO', 3, FALSE, 1.0, 1.5, 65, 'current ratio 1.0-1.5'),
    ('CURRENT_RATIO', 4, FALSE, 1.5, NULL, 100, 'current ratio 1.5 or more'),
    ('DEBT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('DEBT_RATIO', 1, FALSE, NULL, 40, 100, 'liabilities under 40% of assets'),
    ('DEBT_RATIO', 2, FALSE, 40, 60, 75, 'liabilities 40-60% of assets'),
    ('DEBT_RATIO', 3, FALSE, 60, 80, 40, 'liabilities 60-80% of assets'),
    ('DEBT_RATIO', 4, FALSE, 80, NULL, 10, 'liabilities 80% of assets or more'),
    ('NET_MARGIN', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('NET_MARGIN', 1, FALSE, NULL, 0, 10, 'loss-making'),
    ('NET_MARGIN', 2, FALSE, 0, 3, 45, 'net margin 0-3%'),
    ('NET_MARGIN', 3, FALSE, 3, 8, 75, 'net margin 3-8%'),
    ('NET_MARGIN', 4, FALSE, 8, NULL, 100, 'net margin 8% or more'),
    ('ALTMAN_Z', 0, TRUE, NULL, NULL, 50, 'no financial statement on file: neutral'),
    ('ALTMAN_Z', 1, FALSE, NULL, 1.1, 10, 'Z'''' under 1.1: distress zone'),
    ('ALTMAN_Z', 2, FALSE, 1.1, 2.6, 55, 'Z'''' 1.1-2.6: grey zone'),
    ('ALTMAN_Z', 3, FALSE, 2.6, NULL, 100, 'Z'''' 2.6 or more: safe zone'),
    ('EXTERNAL_RATING', 0, TRUE, NULL, NULL, 50, 'no external rating: neutral'),
    ('EXTERNAL_RATING', 1, FALSE, NULL, 4, 100, 'rated A or better'),
    ('EXTERNAL_RATING', 2, FALSE, 4, 5, 80, 'rated BBB'),
    ('EXTERNAL_RATING', 3, FALSE, 5, 6, 55, 'rated BB'),
    ('EXTERNAL_RATING', 4, FALSE, 6, 7, 35, 'rated B'),
    ('EXTERNAL_RATING', 5, FALSE, 7, NULL, 0, 'rated CCC or worse');

CREATE TEMPORARY TABLE default_class (risk_class TEXT, min_score NUMERIC, limit_factor NUMERIC, review_months INTEGER);
INSERT INTO default_class VALUES
    ('A', 82, 1.50, 12),
    ('B', 75, 1.20, 12),
    ('C', 60, 1.00, 6),
    ('D', 45, 0.50, 3),
    ('E', -1, 0.00, 1);

-- The cards V45 seeded: the shipped default, created by the system, first version of its group.
CREATE TEMPORARY TABLE seeded_card AS
SELECT s.id FROM scorecard s
WHERE s.source = 'DEFAULT' AND s.created_by = 'system' AND s.version = 1 AND s.name = 'Default scorecard';

UPDATE scorecard_factor sf
SET position = f.position, weight = f.weight
FROM default_factor f
WHERE sf.scorecard_id IN (SELECT id FROM seeded_card) AND sf.factor = f.factor;

UPDATE scorecard_band sb
SET missing = b.missing, from_value = b.from_value, to_value = b.to_value, grade = b.grade, label = b.label
FROM default_band b
WHERE sb.scorecard_id IN (SELECT id FROM seeded_card) AND sb.factor = b.factor AND sb.position = b.position;

UPDATE scorecard_class sc
SET min_score = c.min_score, limit_factor = c.limit_factor, review_months = c.review_months
FROM default_class c
WHERE sc.scorecard_id IN (SELECT id FROM seeded_card) AND sc.risk_class = c.risk_class;

DROP TABLE seeded_card;
DROP TABLE default_class;
DROP TABLE default_factor;
DROP TABLE default_band;
