-- Partial financial statements (issue 16): a missing figure is stored as NULL and makes the ratios that
-- need it missing (scored by the card's missing band, explained on the score), instead of refusing the
-- whole statement. What stays refused is contradictory (FinancialStatement.violations in Java): at least
-- one figure, total assets positive, no negative revenue or liabilities, current parts within totals.
ALTER TABLE financial_statement
    ALTER COLUMN revenue DROP NOT NULL,
    ALTER COLUMN net_income DROP NOT NULL,
    ALTER COLUMN ebit DROP NOT NULL,
    ALTER COLUMN current_assets DROP NOT NULL,
    ALTER COLUMN current_liabilities DROP NOT NULL,
    ALTER COLUMN total_assets DROP NOT NULL,
    ALTER COLUMN total_liabilities DROP NOT NULL,
    ALTER COLUMN retained_earnings DROP NOT NULL,
    ALTER COLUMN book_equity DROP NOT NULL;
