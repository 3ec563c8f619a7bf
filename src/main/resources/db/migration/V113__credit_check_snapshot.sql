-- Issue 14: the credit check gathers its snapshot in one statement. The ledger publishes what the
-- check needs from its tables as SQL functions (inlined by the planner into the check's statement);
-- the credit module reads these, not the ledger's tables. Same rules as the statements they replace
-- (BalanceRepository before V113).

-- Cheques received in (p_as_of - p_clearing_days, p_as_of] and not bounced: the bank may still return them.
CREATE FUNCTION ledger_uncleared_cheques(p_customer_id BIGINT, p_as_of DATE, p_clearing_days INTEGER)
    RETURNS TABLE (currency TEXT, amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
SELECT CAST(p.currency AS TEXT), sum(p.amount)
FROM payment p
WHERE p.customer_id = p_customer_id
  AND p.method = 'CHEQUE'
  AND p.status = 'RECEIVED'
  AND p.received_on > p_as_of - p_clearing_days
  AND p.received_on <= p_as_of
GROUP BY p.currency
$$;

-- Invoices open as of p_as_of and due before p_cutoff (the live overdue rule). Only candidates are
-- rebuilt from their allocations: invoices open now (partial index invoice_open_idx), and those whose
-- allocations differ between p_as_of and now (settled after p_as_of, or a settlement reversed after it).
CREATE FUNCTION ledger_overdue_invoices(p_customer_id BIGINT, p_as_of DATE, p_cutoff DATE)
    RETURNS TABLE (currency TEXT, open_amount NUMERIC, days_overdue INTEGER)
    LANGUAGE sql STABLE AS
$$
WITH candidates AS (
    SELECT i.id FROM invoice i
    WHERE i.customer_id = p_customer_id AND i.open_amount > 0 AND i.due_date < p_cutoff
    UNION
    SELECT a.invoice_id FROM allocation a
    WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of
    UNION
    SELECT a.invoice_id FROM allocation a
    WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of
)
SELECT CAST(i.currency AS TEXT), i.amount - coalesce(s.amount, 0), p_as_of - i.due_date
FROM invoice i
JOIN candidates c ON c.id = i.id
LEFT JOIN LATERAL (
    SELECT sum(a.amount) AS amount
    FROM allocation a
    WHERE a.invoice_id = i.id
      AND a.allocated_on <= p_as_of
      AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
) s ON true
WHERE i.due_date < p_cutoff
  AND i.issue_date <= p_as_of
  AND i.amount - coalesce(s.amount, 0) > 0
$$;

-- What a contract's credit line carries: its released orders and the open invoices billing its orders.
CREATE FUNCTION ledger_contract_exposure(p_customer_id BIGINT, p_contract_no TEXT)
    RETURNS TABLE (currency TEXT, open_receivables NUMERIC, released_orders NUMERIC)
    LANGUAGE sql STABLE AS
$$
SELECT CAST(d.currency AS TEXT), sum(d.open_receivables), sum(d.released_orders)
FROM (
    SELECT o.currency, 0 AS open_receivables, o.amount AS released_orders
    FROM sales_order o
    WHERE o.customer_id = p_customer_id AND o.contract_no = p_contract_no AND o.status = 'RELEASED'
    UNION ALL
    SELECT i.currency, i.open_amount, 0
    FROM invoice i
    JOIN sales_order o ON o.order_no = i.order_no AND o.customer_id = i.customer_id
    WHERE i.customer_id = p_customer_id AND o.contract_no = p_contract_no AND i.open_amount > 0
) AS d
GROUP BY d.currency
$$;

-- The candidates' second branch looks allocations up by reversal date per customer.
CREATE INDEX allocation_customer_reversed_idx ON allocation (customer_id, reversed_on) WHERE reversed_on IS NOT NULL;
