-- Issue 13 (one truth per customer, the home dashboard, the customer list's columns): the figures a
-- list or a dashboard shows per customer, published as functions so that pages read them set-based
-- without touching credit's, ledger's and monitoring's tables themselves.

-- Every customer's figures today, in its own currency:
--   credit_limit      the overall approved line in force (NULL: no limit), in limit_currency;
--   exposure          open receivables + released orders - unapplied credit in the customer's currency
--                     (credit's running totals; uncleared cheques and other currencies are left to the
--                     credit check itself);
--   overdue_amount, max_days_overdue  open invoices past their due date as of p_as_of (open amounts are
--                     today's: the function is meant for today's lists, not for history);
--   escalation_level  the ladder level those days reach (credit_policy_escalation), as the status API
--                     computes it live;
--   risk_class        the class credit decides with.
-- A LANGUAGE sql STABLE function of one SELECT: the planner inlines it, so a WHERE or LIMIT on the
-- caller's side reaches the tables.
CREATE FUNCTION customer_figures(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, credit_limit NUMERIC, limit_currency CHAR(3), exposure NUMERIC,
                   overdue_amount NUMERIC, max_days_overdue INTEGER, escalation_level INTEGER, risk_class TEXT)
    LANGUAGE sql STABLE AS
$$
SELECT c.id,
       l.amount,
       l.currency,
       coalesce(b.open_receivables + b.released_orders - b.unapplied_credit, 0),
       coalesce(o.overdue_amount, 0),
       coalesce(o.max_days_overdue, 0),
       coalesce((SELECT max(e.level) FROM credit_policy_escalation e WHERE e.from_days <= o.max_days_overdue), 0),
       a.risk_class
FROM customer c
LEFT JOIN credit_limit l ON l.customer_id = c.id AND l.contract_no IS NULL AND l.superseded_at IS NULL
LEFT JOIN credit_balance b ON b.customer_id = c.id AND b.currency = c.currency
LEFT JOIN credit_account a ON a.customer_id = c.id
LEFT JOIN LATERAL (
    SELECT sum(i.open_amount) AS overdue_amount, max(p_as_of - i.due_date) AS max_days_overdue
    FROM invoice i
    WHERE i.customer_id = c.id AND i.open_amount > 0 AND i.due_date < p_as_of AND i.currency = c.currency
) o ON TRUE
$$;

-- What was invoiced in the p_days days up to and including each date, per currency, for customers of
-- the given areas (empty or NULL: all): the sales side of days sales outstanding.
CREATE FUNCTION invoiced_before(p_dates DATE[], p_days INTEGER, p_areas TEXT[])
    RETURNS TABLE (as_of DATE, currency CHAR(3), amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
SELECT d.as_of, i.currency, sum(i.amount)
FROM unnest(p_dates) AS d(as_of)
JOIN invoice i ON i.issue_date > d.as_of - p_days AND i.issue_date <= d.as_of
JOIN customer c ON c.id = i.customer_id
WHERE coalesce(cardinality(p_areas), 0) = 0 OR c.area_code = ANY (p_areas)
GROUP BY d.as_of, i.currency
$$;
