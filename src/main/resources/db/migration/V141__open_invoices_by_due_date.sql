-- The worklist's and the escalation board's "overdue as of today" read the open invoices due before a date
-- over a whole area: by customer (invoice_open_idx) that was a scan of the whole invoice table at 100,000
-- customers (1 s of the worklist's 1.3 s). By due date, with the columns they need, it is an index-only scan.
CREATE INDEX invoice_open_due_idx ON invoice (due_date) INCLUDE (customer_id, open_amount) WHERE open_amount > 0;
