-- Segment cards (issue 16): a customer with payment history is scored by its group's HISTORY card; a
-- customer with no or few invoices (at most thin_file_max_invoices fell due in the 12 months before the
-- date) by its group's THIN_FILE card, which rests on the financial statement, the external rating, the
-- years in business and links to bad customers, with finer bands fitted to the usual distress zones.
-- On the history card a customer without invoices sat at about 72-76 whatever its statements said
-- (statements carried 16 % of the weight), so a distressed firm could never fall below class C; on the
-- thin-file card a firm in Altman's distress zone with high debt and losses lands in E.
-- Which card applies is said on every explained score. Each segment has at most one active card per group.

ALTER TABLE scorecard
    ADD COLUMN segment TEXT NOT NULL DEFAULT 'HISTORY' CHECK (segment IN ('HISTORY', 'THIN_FILE')),
    -- THIN_FILE cards: customers with at most this many invoices fallen due in 12 months get this card.
    ADD COLUMN thin_file_max_invoices INTEGER CHECK (thin_file_max_invoices >= 0),
    ADD CHECK ((segment = 'THIN_FILE') = (thin_file_max_invoices IS NOT NULL));
DROP INDEX scorecard_one_active_idx;
CREATE UNIQUE INDEX scorecard_one_active_idx ON scorecard (business_group, segment) WHERE active;

INSERT INTO scorecard (name, business_group, segment, thin_file_max_invoices, version, active, source, created_by,
                       adopted_by, adopted_at)
SELECT 'Thin-file scorecard', g.business_group, 'THIN_FILE', 2,
       (SELECT coalesce(max(s.version), 0) + 1 FROM scorecard s WHERE s.business_group = g.business_group),
       TRUE, 'DEFAULT', 'system', 'system', now()
FROM (VALUES ('VOLUME'), ('VALUE_ADDED')) AS g (business_group);

-- ScoreTestCards reads this file: keep the VALUES rows in V47's shape.
CREATE TEMPORARY TABLE thin_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO thin_factor VALUES
    ('ALTMAN_Z', 1, 0.24),
    ('DEBT_RATIO', 2, 0.12),
    ('CURRENT_RATIO', 3, 0.10),
    ('NET_MARGIN', 4, 0.12),
    ('EXTERNAL_RATING', 5, 0.14),
    ('YEARS_IN_BUSINESS', 6, 0.08),
    ('BAD_LINKS', 7, 0.08),
    ('MAX_DAYS_OVERDUE', 8, 0.06),
    ('BOUNCED_CHEQUES', 9, 0.06);

CREATE TEMPORARY TABLE thin_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO thin_band VALUES
    ('ALTMAN_Z', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('ALTMAN_Z', 1, FALSE, NULL, 0, 0, 'Z'''' below 0: deep distress'),
    ('ALTMAN_Z', 2, FALSE, 0, 0.5, 5, 'Z'''' 0-0.5: distress zone'),
    ('ALTMAN_Z', 3, FALSE, 0.5, 1.1, 15, 'Z'''' 0.5-1.1: distress zone'),
    ('ALTMAN_Z', 4, FALSE, 1.1, 1.8, 40, 'Z'''' 1.1-1.8: grey zone'),
    ('ALTMAN_Z', 5, FALSE, 1.8, 2.6, 65, 'Z'''' 1.8-2.6: grey zone'),
    ('ALTMAN_Z', 6, FALSE, 2.6, 3.5, 85, 'Z'''' 2.6-3.5: safe zone'),
    ('ALTMAN_Z', 7, FALSE, 3.5, NULL, 100, 'Z'''' 3.5 or more: safe zone'),
    ('DEBT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('DEBT_RATIO', 1, FALSE, NULL, 30, 100, 'liabilities under 30% of assets'),
    ('DEBT_RATIO', 2, FALSE, 30, 50, 85, 'liabilities 30-50% of assets'),
    ('DEBT_RATIO', 3, FALSE, 50, 65, 65, 'liabilities 50-65% of assets'),
    ('DEBT_RATIO', 4, FALSE, 65, 80, 40, 'liabilities 65-80% of assets'),
    ('DEBT_RATIO', 5, FALSE, 80, 100, 15, 'liabilities 80-100% of assets'),
    ('DEBT_RATIO', 6, FALSE, 100, NULL, 0, 'liabilities exceed assets'),
    ('CURRENT_RATIO', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('CURRENT_RATIO', 1, FALSE, NULL, 0.6, 0, 'current ratio under 0.6'),
    ('CURRENT_RATIO', 2, FALSE, 0.6, 0.8, 15, 'current ratio 0.6-0.8'),
    ('CURRENT_RATIO', 3, FALSE, 0.8, 1.0, 35, 'current ratio 0.8-1.0'),
    ('CURRENT_RATIO', 4, FALSE, 1.0, 1.3, 60, 'current ratio 1.0-1.3'),
    ('CURRENT_RATIO', 5, FALSE, 1.3, 2.0, 85, 'current ratio 1.3-2.0'),
    ('CURRENT_RATIO', 6, FALSE, 2.0, NULL, 100, 'current ratio 2.0 or more'),
    ('NET_MARGIN', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('NET_MARGIN', 1, FALSE, NULL, -10, 0, 'losing over 10% of revenue'),
    ('NET_MARGIN', 2, FALSE, -10, 0, 15, 'loss-making (up to 10% of revenue)'),
    ('NET_MARGIN', 3, FALSE, 0, 2, 45, 'net margin 0-2%'),
    ('NET_MARGIN', 4, FALSE, 2, 5, 65, 'net margin 2-5%'),
    ('NET_MARGIN', 5, FALSE, 5, 10, 85, 'net margin 5-10%'),
    ('NET_MARGIN', 6, FALSE, 10, NULL, 100, 'net margin 10% or more'),
    ('EXTERNAL_RATING', 0, TRUE, NULL, NULL, 50, 'no external rating: neutral'),
    ('EXTERNAL_RATING', 1, FALSE, NULL, 4, 100, 'rated A or better'),
    ('EXTERNAL_RATING', 2, FALSE, 4, 5, 80, 'rated BBB'),
    ('EXTERNAL_RATING', 3, FALSE, 5, 6, 55, 'rated BB'),
    ('EXTERNAL_RATING', 4, FALSE, 6, 7, 35, 'rated B'),
    ('EXTERNAL_RATING', 5, FALSE, 7, NULL, 0, 'rated CCC or worse'),
    ('YEARS_IN_BUSINESS', 0, TRUE, NULL, NULL, 50, 'founding date unknown: neutral'),
    ('YEARS_IN_BUSINESS', 1, FALSE, NULL, 2, 20, 'under 2 years in business'),
    ('YEARS_IN_BUSINESS', 2, FALSE, 2, 5, 50, '2-5 years in business'),
    ('YEARS_IN_BUSINESS', 3, FALSE, 5, 10, 75, '5-10 years in business'),
    ('YEARS_IN_BUSINESS', 4, FALSE, 10, NULL, 100, '10 years or more in business'),
    ('BAD_LINKS', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('BAD_LINKS', 1, FALSE, NULL, 1, 100, 'not linked to a stopped, legal or defaulted customer'),
    ('BAD_LINKS', 2, FALSE, 1, NULL, 0, 'linked to a stopped, legal or defaulted customer'),
    ('MAX_DAYS_OVERDUE', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('MAX_DAYS_OVERDUE', 1, FALSE, NULL, 1, 100, 'nothing overdue'),
    ('MAX_DAYS_OVERDUE', 2, FALSE, 1, 16, 60, '1-15 days overdue'),
    ('MAX_DAYS_OVERDUE', 3, FALSE, 16, 31, 30, '16-30 days overdue'),
    ('MAX_DAYS_OVERDUE', 4, FALSE, 31, NULL, 0, 'over 30 days overdue'),
    ('BOUNCED_CHEQUES', 0, TRUE, NULL, NULL, 50, 'unknown: neutral'),
    ('BOUNCED_CHEQUES', 1, FALSE, NULL, 1, 100, 'no bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 2, FALSE, 1, 2, 30, 'one bounced cheque in 24 months'),
    ('BOUNCED_CHEQUES', 3, FALSE, 2, NULL, 0, 'two or more bounced cheques in 24 months');

CREATE TEMPORARY TABLE thin_card AS
SELECT s.id FROM scorecard s
WHERE s.segment = 'THIN_FILE' AND s.source = 'DEFAULT' AND s.created_by = 'system' AND s.name = 'Thin-file scorecard';

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT c.id, f.factor, f.position, f.weight FROM thin_card c CROSS JOIN thin_factor f;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM thin_card c CROSS JOIN thin_band b;

INSERT INTO scorecard_class (scorecard_id, risk_class, min_score, limit_factor, review_months)
SELECT c.id, k.risk_class, k.min_score, k.limit_factor, k.review_months
FROM thin_card c
CROSS JOIN (VALUES ('A', 82, 1.50, 12), ('B', 75, 1.20, 12), ('C', 60, 1.00, 6), ('D', 45, 0.50, 3), ('E', -1, 0.00, 1))
    AS k (risk_class, min_score, limit_factor, review_months);

DROP TABLE thin_card;
DROP TABLE thin_factor;
DROP TABLE thin_band;
