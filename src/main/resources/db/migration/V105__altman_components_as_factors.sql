-- Altman's components as factors of their own (issue 16): working capital, retained earnings, EBIT and
-- net income each as a share of total assets, and book equity / total liabilities (liabilities / total
-- assets is DEBT_RATIO already). They go on the seeded thin-file cards (V102) with weight 0: the seeded
-- cards score exactly as before (each line shows 0 points, so the explanation still adds up), and a card
-- fitted to defaults from statements can weigh each component apart, with finely fitted monotone bands,
-- instead of only through Z''s fixed coefficients. The bands below give the fit the direction (a higher
-- share is better for every one of them) and a reading for the credit manager.
--
-- Only the seeded thin-file cards change (source DEFAULT, created by the system); fitted cards are
-- untouched. Rerunnable: factors and bands are upserted.
--
-- ScoreTestCards reads this file after V102: keep the VALUES rows in V47's shape.

CREATE TEMPORARY TABLE component_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO component_factor VALUES
    ('WORKING_CAPITAL_TO_ASSETS', 10, 0),
    ('RETAINED_EARNINGS_TO_ASSETS', 11, 0),
    ('EBIT_TO_ASSETS', 12, 0),
    ('EQUITY_TO_LIABILITIES', 13, 0),
    ('NET_INCOME_TO_ASSETS', 14, 0);

CREATE TEMPORARY TABLE component_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO component_band VALUES
    ('WORKING_CAPITAL_TO_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('WORKING_CAPITAL_TO_ASSETS', 1, FALSE, NULL, -20, 0, 'working capital below -20% of assets'),
    ('WORKING_CAPITAL_TO_ASSETS', 2, FALSE, -20, 0, 20, 'negative working capital (up to 20% of assets)'),
    ('WORKING_CAPITAL_TO_ASSETS', 3, FALSE, 0, 10, 45, 'working capital 0-10% of assets'),
    ('WORKING_CAPITAL_TO_ASSETS', 4, FALSE, 10, 25, 70, 'working capital 10-25% of assets'),
    ('WORKING_CAPITAL_TO_ASSETS', 5, FALSE, 25, NULL, 100, 'working capital 25% of assets or more'),
    ('RETAINED_EARNINGS_TO_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('RETAINED_EARNINGS_TO_ASSETS', 1, FALSE, NULL, -20, 0, 'accumulated losses over 20% of assets'),
    ('RETAINED_EARNINGS_TO_ASSETS', 2, FALSE, -20, 0, 20, 'accumulated losses (up to 20% of assets)'),
    ('RETAINED_EARNINGS_TO_ASSETS', 3, FALSE, 0, 10, 50, 'retained earnings 0-10% of assets'),
    ('RETAINED_EARNINGS_TO_ASSETS', 4, FALSE, 10, 30, 75, 'retained earnings 10-30% of assets'),
    ('RETAINED_EARNINGS_TO_ASSETS', 5, FALSE, 30, NULL, 100, 'retained earnings 30% of assets or more'),
    ('EBIT_TO_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('EBIT_TO_ASSETS', 1, FALSE, NULL, -5, 0, 'operating loss over 5% of assets'),
    ('EBIT_TO_ASSETS', 2, FALSE, -5, 0, 20, 'operating loss (up to 5% of assets)'),
    ('EBIT_TO_ASSETS', 3, FALSE, 0, 3, 45, 'EBIT 0-3% of assets'),
    ('EBIT_TO_ASSETS', 4, FALSE, 3, 8, 70, 'EBIT 3-8% of assets'),
    ('EBIT_TO_ASSETS', 5, FALSE, 8, NULL, 100, 'EBIT 8% of assets or more'),
    ('EQUITY_TO_LIABILITIES', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('EQUITY_TO_LIABILITIES', 1, FALSE, NULL, 0.1, 0, 'equity under 0.1 x liabilities'),
    ('EQUITY_TO_LIABILITIES', 2, FALSE, 0.1, 0.3, 20, 'equity 0.1-0.3 x liabilities'),
    ('EQUITY_TO_LIABILITIES', 3, FALSE, 0.3, 0.6, 45, 'equity 0.3-0.6 x liabilities'),
    ('EQUITY_TO_LIABILITIES', 4, FALSE, 0.6, 1.0, 70, 'equity 0.6-1.0 x liabilities'),
    ('EQUITY_TO_LIABILITIES', 5, FALSE, 1.0, NULL, 100, 'equity at least equal to liabilities'),
    ('NET_INCOME_TO_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('NET_INCOME_TO_ASSETS', 1, FALSE, NULL, -5, 0, 'net loss over 5% of assets'),
    ('NET_INCOME_TO_ASSETS', 2, FALSE, -5, 0, 20, 'net loss (up to 5% of assets)'),
    ('NET_INCOME_TO_ASSETS', 3, FALSE, 0, 2, 45, 'return on assets 0-2%'),
    ('NET_INCOME_TO_ASSETS', 4, FALSE, 2, 6, 70, 'return on assets 2-6%'),
    ('NET_INCOME_TO_ASSETS', 5, FALSE, 6, NULL, 100, 'return on assets 6% or more');

CREATE TEMPORARY TABLE component_card AS
SELECT s.id FROM scorecard s
WHERE s.segment = 'THIN_FILE' AND s.source = 'DEFAULT' AND s.created_by = 'system' AND s.name = 'Thin-file scorecard';

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT c.id, f.factor, f.position, f.weight
FROM component_card c CROSS JOIN component_factor f
ON CONFLICT (scorecard_id, factor) DO UPDATE SET position = EXCLUDED.position, weight = EXCLUDED.weight;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM component_card c CROSS JOIN component_band b
ON CONFLICT (scorecard_id, factor, position) DO UPDATE
    SET missing = EXCLUDED.missing, from_value = EXCLUDED.from_value, to_value = EXCLUDED.to_value,
        grade = EXCLUDED.grade, label = EXCLUDED.label;

DROP TABLE component_card;
DROP TABLE component_factor;
DROP TABLE component_band;
