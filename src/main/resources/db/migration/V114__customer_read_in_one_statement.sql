-- Issue 14, session 6: the customer read gathers the customer, its receivables summary and its score in one
-- statement. The ledger publishes the summary and risk the current score as SQL functions; the customer master
-- reads them with the customer (as it reads customer_credit_state() in its search), not their tables.

-- What the customer owes as of p_as_of, in the customer's currency only (documents in another currency are
-- not converted at a guessed rate); orders count by their current status. The same statement as
-- ReceivablesRepository.SUMMARY before V114. PL/pgSQL with a generic plan, so that each connection plans it
-- once instead of on every read (as credit_check_snapshot, V113).
CREATE FUNCTION ledger_receivables_summary(p_customer_id BIGINT, p_as_of DATE)
    RETURNS TABLE (open_receivables NUMERIC, overdue_amount NUMERIC, max_days_overdue INTEGER,
                   released_orders NUMERIC, unapplied_cash NUMERIC)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS
$$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH customer_currency AS (
        SELECT c.currency FROM customer c WHERE c.id = p_customer_id
    ),
    settled AS (
        SELECT a.invoice_id, a.payment_id, a.credit_note_id, a.amount
        FROM allocation a
        WHERE a.customer_id = p_customer_id
          AND a.allocated_on <= p_as_of
          AND (a.reversed_on IS NULL OR a.reversed_on > p_as_of)
    ),
    by_invoice AS (
        SELECT s.invoice_id, sum(s.amount) AS amount FROM settled s WHERE s.invoice_id IS NOT NULL
        GROUP BY s.invoice_id
    ),
    by_payment AS (
        SELECT s.payment_id, sum(s.amount) AS amount FROM settled s WHERE s.payment_id IS NOT NULL
        GROUP BY s.payment_id
    ),
    by_credit_note AS (
        SELECT s.credit_note_id, sum(s.amount) AS amount FROM settled s WHERE s.credit_note_id IS NOT NULL
        GROUP BY s.credit_note_id
    ),
    open_items AS (
        SELECT i.due_date, i.amount - coalesce(s.amount, 0) AS open_amount
        FROM invoice i
        LEFT JOIN by_invoice s ON s.invoice_id = i.id
        WHERE i.customer_id = p_customer_id
          AND i.currency = (SELECT cc.currency FROM customer_currency cc)
          AND i.issue_date <= p_as_of
    ),
    unapplied AS (
        SELECT p.amount - coalesce(s.amount, 0) AS amount
        FROM payment p
        LEFT JOIN by_payment s ON s.payment_id = p.id
        WHERE p.customer_id = p_customer_id
          AND p.currency = (SELECT cc.currency FROM customer_currency cc)
          AND p.received_on <= p_as_of
          AND (p.bounced_on IS NULL OR p.bounced_on > p_as_of)
        UNION ALL
        SELECT n.amount - coalesce(s.amount, 0)
        FROM credit_note n
        LEFT JOIN by_credit_note s ON s.credit_note_id = n.id
        WHERE n.customer_id = p_customer_id
          AND n.currency = (SELECT cc.currency FROM customer_currency cc)
          AND n.issue_date <= p_as_of
    )
    SELECT
        (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o WHERE o.open_amount > 0),
        (SELECT coalesce(sum(o.open_amount), 0) FROM open_items o
         WHERE o.open_amount > 0 AND o.due_date < p_as_of),
        (SELECT coalesce(max(p_as_of - o.due_date), 0) FROM open_items o
         WHERE o.open_amount > 0 AND o.due_date < p_as_of),
        (SELECT coalesce(sum(so.amount), 0) FROM sales_order so
         WHERE so.customer_id = p_customer_id
           AND so.currency = (SELECT cc.currency FROM customer_currency cc)
           AND so.status = 'RELEASED'
           AND so.order_date <= p_as_of),
        (SELECT coalesce(sum(u.amount), 0) FROM unapplied u);
END
$$;

-- The score the customer's latest scoring run gave it; NULL when it was never scored.
CREATE FUNCTION customer_current_score(p_customer_id BIGINT)
    RETURNS NUMERIC
    LANGUAGE sql STABLE AS
$$
SELECT s.score FROM customer_score s WHERE s.customer_id = p_customer_id
$$;
