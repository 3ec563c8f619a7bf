-- Issue 14, session 9: V136's credit_snapshot and ledger_overdue_items replaced these two; nothing calls them since
-- (the check, the customer status and order entry call credit_snapshot; credit_order_snapshot calls it too).
-- CreditSnapshotEqualityTests keeps V140's text under other names to compare the answers.
DROP FUNCTION credit_check_snapshot(BIGINT, TEXT, TEXT, TEXT, DATE);
DROP FUNCTION ledger_overdue_invoice_items(BIGINT, DATE, DATE);
