-- The documents behind a customer's running credit totals, one row each: an open item, a released order, a payment or
-- a credit note with money still unapplied. Published for the credit module, which rebuilds the totals of the
-- customers a file touched in one statement from it (session 14: a bank statement's 75,000 customers' totals went
-- from PostgreSQL to the JVM and back, about 0.5 s of a 100,000-entry import); the ledger's own Ledger.balances sums
-- the same rows. Filtered by customer, the filter reaches every branch (the indexes by customer).
CREATE VIEW ledger_balance_documents AS
SELECT customer_id, currency, open_amount AS open_receivables, 0 AS released_orders, 0 AS unapplied_credit
FROM open_item
UNION ALL
SELECT customer_id, currency, 0, amount, 0
FROM sales_order
WHERE status = 'RELEASED'
UNION ALL
SELECT customer_id, currency, 0, 0, unapplied
FROM payment
WHERE status = 'RECEIVED' AND unapplied > 0
UNION ALL
SELECT customer_id, currency, 0, 0, unapplied
FROM credit_note
WHERE unapplied > 0;
