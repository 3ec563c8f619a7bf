-- The escalation board's and the escalations API's live levels of today (EscalationRepository
-- SNAPSHOT_FROM_OPEN_AMOUNTS) also filter on the issue date and sum by currency: with V141's columns only, the
-- planner read all 456,753 open invoices by issue date (invoice_open_issue_idx) to keep the 148,779 overdue ones
-- at 100,000 customers. The same index with those two columns added makes it an index-only range scan of the
-- overdue ones; it serves V141's readers as before (same name, same key, more included columns).
DROP INDEX invoice_open_due_idx;
CREATE INDEX invoice_open_due_idx ON invoice (due_date) INCLUDE (customer_id, open_amount, currency, issue_date)
    WHERE open_amount > 0;
