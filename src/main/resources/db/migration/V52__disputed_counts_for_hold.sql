-- Issue 9: whether a disputed amount counts for the automatic overdue hold is a credit-policy setting
-- (default: it counts). When it does not, an invoice overdue beyond grace holds the customer only for
-- the part of it not under dispute on the date (collections' published invoice_disputed_amounts).
-- One rule, read by the live credit state (customer_credit_state, now in R__customer_credit_state.sql),
-- the credit check (CreditChecks.overdue: the same rule in Java over the ledger's open items) and the
-- daily run's holds (disputed_customers_overdue_for_hold below).
ALTER TABLE credit_policy ADD COLUMN disputed_counts_for_hold BOOLEAN NOT NULL DEFAULT TRUE;

-- The daily run's side of the rule, set-based: every customer with something under dispute on the date,
-- and whether an invoice of it overdue beyond p_grace_days still has an undisputed open amount then
-- (open amounts as of the date, from the allocations, like the run's aging). Customers without a dispute
-- are not listed: for them the setting changes nothing.
CREATE FUNCTION disputed_customers_overdue_for_hold(p_as_of DATE, p_grace_days INTEGER)
    RETURNS TABLE (customer_id BIGINT, held BOOLEAN)
    LANGUAGE sql STABLE AS
$$
WITH disputed AS (
    SELECT d.invoice_id, d.customer_id, d.disputed_amount FROM invoice_disputed_amounts(p_as_of) d
),
candidates AS (
    SELECT i.id, i.customer_id, i.amount
    FROM invoice i
    WHERE i.customer_id IN (SELECT customer_id FROM disputed)
      AND i.issue_date <= p_as_of
      AND i.due_date + p_grace_days < p_as_of
),
settled AS (
    SELECT a.invoice_id, sum(a.amount) AS amount
    FROM allocation a
    JOIN candidates c ON c.id = a.invoice_id
    WHERE a.allocated_on <= p_as_of
      AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
    GROUP BY a.invoice_id
)
SELECT x.customer_id,
       coalesce(bool_or(c.amount - coalesce(s.amount, 0) > coalesce(d.disputed_amount, 0)), FALSE)
FROM (SELECT DISTINCT customer_id FROM disputed) x
LEFT JOIN candidates c ON c.customer_id = x.customer_id
LEFT JOIN settled s ON s.invoice_id = c.id
LEFT JOIN disputed d ON d.invoice_id = c.id
GROUP BY x.customer_id
$$;
