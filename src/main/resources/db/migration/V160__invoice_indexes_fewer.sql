-- Issue 14, session 8: two indexes of invoice that no reader uses any more. Every index is one entry more per
-- imported invoice and per settlement that leaves the invoice open (open_amount is in every partial index's
-- predicate, so no such update is HOT), and both of these are partial on open_amount > 0.
--
-- invoice_open_idx (customer_id, due_date) WHERE open_amount > 0 (V1): V153's invoice_open_aging_idx holds the
-- same invoices by customer_id with due_date (and what else the readers need) included; a customer has a
-- handful of open invoices, so a due-date condition or order is applied to those few index-only entries.
--
-- invoice_open_issue_idx (issue_date) INCLUDE (customer_id, due_date, currency, open_amount) WHERE
-- open_amount > 0 (V72): V147's invoice_open_due_idx holds the same invoices with the same columns (keyed by
-- due_date, issue_date included); the appraisal's "open at the period end" reads all open invoices issued up
-- to the end, which is nearly all of them.
--
-- Neither was scanned once by the daily runs of four dates, scoring, predictions, letters, the three KPI
-- snapshots, the plan actuals, every page of bench/pages.txt for all six roles, customer reads and credit
-- checks on the 2,000-customer portfolio (pg_stat_user_indexes); the plans at 100,000 customers are in
-- docs/performance.md ("Session 8: imports").
DROP INDEX IF EXISTS invoice_open_idx;
DROP INDEX IF EXISTS invoice_open_issue_idx;
