-- Statement factors beyond Altman's (issue 16, session 6): activity (revenue / total assets), size (log10
-- of total assets) and net income / total liabilities (Beaver's cash flow / liabilities: the statement
-- carries no depreciation, so earnings stand in for cash flow). With V105's components and the four ratios
-- of V45 the thin-file card now carries profitability (net income / TA, EBIT / TA, net margin), leverage
-- (liabilities / TA, equity / liabilities), liquidity (working capital / TA, current ratio), activity,
-- size, retained earnings / TA and earnings / liabilities. The statement has no inventory or cash, so no
-- quick ratio.
--
-- As V105: the factors go on the seeded thin-file cards with weight 0, so the seeded cards score exactly as
-- before (each line shows 0 points, the explanation still adds up); a card fitted to defaults from
-- statements refits their bands from the data (monotone, MonotoneBanding) and weighs them. The bands give
-- the direction (higher is better for all three) and a reading. Only the seeded thin-file cards change
-- (source DEFAULT, created by the system); fitted cards are untouched. Rerunnable: upserts.
--
-- ScoreTestCards reads this file after V105: keep the VALUES rows in V47's shape.

CREATE TEMPORARY TABLE more_factor (factor TEXT, position SMALLINT, weight NUMERIC(7, 4));
INSERT INTO more_factor VALUES
    ('SALES_TO_ASSETS', 15, 0),
    ('LOG_TOTAL_ASSETS', 16, 0),
    ('NET_INCOME_TO_LIABILITIES', 17, 0);

CREATE TEMPORARY TABLE more_band (factor TEXT, position SMALLINT, missing BOOLEAN, from_value NUMERIC, to_value NUMERIC, grade NUMERIC, label TEXT);
INSERT INTO more_band VALUES
    ('SALES_TO_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('SALES_TO_ASSETS', 1, FALSE, NULL, 0.5, 20, 'revenue under 0.5 x total assets'),
    ('SALES_TO_ASSETS', 2, FALSE, 0.5, 1.0, 50, 'revenue 0.5-1.0 x total assets'),
    ('SALES_TO_ASSETS', 3, FALSE, 1.0, 2.0, 75, 'revenue 1.0-2.0 x total assets'),
    ('SALES_TO_ASSETS', 4, FALSE, 2.0, NULL, 100, 'revenue at least 2 x total assets'),
    ('LOG_TOTAL_ASSETS', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('LOG_TOTAL_ASSETS', 1, FALSE, NULL, 6, 20, 'total assets under a million'),
    ('LOG_TOTAL_ASSETS', 2, FALSE, 6, 7, 50, 'total assets 1-10 million'),
    ('LOG_TOTAL_ASSETS', 3, FALSE, 7, 8, 75, 'total assets 10-100 million'),
    ('LOG_TOTAL_ASSETS', 4, FALSE, 8, NULL, 100, 'total assets 100 million or more'),
    ('NET_INCOME_TO_LIABILITIES', 0, TRUE, NULL, NULL, 50, 'no financial statement (or a figure missing): neutral'),
    ('NET_INCOME_TO_LIABILITIES', 1, FALSE, NULL, -10, 0, 'net loss over 10% of liabilities'),
    ('NET_INCOME_TO_LIABILITIES', 2, FALSE, -10, 0, 20, 'net loss (up to 10% of liabilities)'),
    ('NET_INCOME_TO_LIABILITIES', 3, FALSE, 0, 5, 45, 'net income 0-5% of liabilities'),
    ('NET_INCOME_TO_LIABILITIES', 4, FALSE, 5, 15, 70, 'net income 5-15% of liabilities'),
    ('NET_INCOME_TO_LIABILITIES', 5, FALSE, 15, NULL, 100, 'net income 15% of liabilities or more');

CREATE TEMPORARY TABLE more_card AS
SELECT s.id FROM scorecard s
WHERE s.segment = 'THIN_FILE' AND s.source = 'DEFAULT' AND s.created_by = 'system' AND s.name = 'Thin-file scorecard';

INSERT INTO scorecard_factor (scorecard_id, factor, position, weight)
SELECT c.id, f.factor, f.position, f.weight
FROM more_card c CROSS JOIN more_factor f
ON CONFLICT (scorecard_id, factor) DO UPDATE SET position = EXCLUDED.position, weight = EXCLUDED.weight;

INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label)
SELECT c.id, b.factor, b.position, b.missing, b.from_value, b.to_value, b.grade, b.label
FROM more_card c CROSS JOIN more_band b
ON CONFLICT (scorecard_id, factor, position) DO UPDATE
    SET missing = EXCLUDED.missing, from_value = EXCLUDED.from_value, to_value = EXCLUDED.to_value,
        grade = EXCLUDED.grade, label = EXCLUDED.label;

DROP TABLE more_card;
DROP TABLE more_factor;
DROP TABLE more_band;
