-- The credit snapshot as V140 defined it (15 ARRAY sub-selects, the overdue rule replayed from allocations), kept
-- under other names for CreditSnapshotEqualityTests, which compares it with the function in force. Statements are
-- separated by a line '-- next statement'.
CREATE OR REPLACE FUNCTION ledger_overdue_invoice_items_v140(p_customer_id BIGINT, p_as_of DATE, p_cutoff DATE)
    RETURNS TABLE (invoice_id BIGINT, currency TEXT, open_amount NUMERIC, days_overdue INTEGER)
    LANGUAGE sql STABLE AS
$$
WITH candidates AS (
    SELECT i.id FROM open_item i
    WHERE i.customer_id = p_customer_id AND i.due_date < p_cutoff
    UNION
    SELECT a.invoice_id FROM allocation a
    WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of
    UNION
    SELECT a.invoice_id FROM allocation a
    WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of
)
SELECT i.id, CAST(i.currency AS TEXT), i.amount - coalesce(s.amount, 0), p_as_of - i.due_date
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
-- next statement
CREATE OR REPLACE FUNCTION credit_check_snapshot_v140(p_customer_id BIGINT, p_contract_no TEXT, p_customer_currency TEXT,
                                      p_amount_currency TEXT, p_as_of DATE)
    RETURNS TABLE (grace_days INTEGER, target_currency TEXT, has_line BOOLEAN, line_amount NUMERIC,
                   line_currency TEXT, valid_from DATE, valid_until DATE, review_on DATE, securities NUMERIC,
                   total_currencies TEXT[], total_open NUMERIC[], total_released NUMERIC[],
                   total_unapplied NUMERIC[], cheque_currencies TEXT[], cheque_amounts NUMERIC[],
                   rate_currencies TEXT[], rate_values NUMERIC[], overdue_currencies TEXT[],
                   overdue_amounts NUMERIC[], overdue_max_days INTEGER, overdue_invoices INTEGER,
                   has_account BOOLEAN, credit_state TEXT, stop_reason TEXT, legal BOOLEAN,
                   linked_to_stopped BOOLEAN, bounced_cheque BOOLEAN, risk_class TEXT, hold_ids BIGINT[],
                   hold_reasons TEXT[], hold_automatic BOOLEAN[], hold_notes TEXT[], hold_placed_by TEXT[],
                   hold_placed_at TIMESTAMPTZ[])
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS
$$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH policy AS (
        SELECT p.grace_days, p.cheque_clearing_days, p.disputed_counts_for_hold FROM credit_policy p WHERE p.id = 1
    ),
    line AS (
        SELECT l.amount, CAST(l.currency AS TEXT) AS currency, l.valid_from, l.valid_until, l.review_on
        FROM credit_limit l
        WHERE l.customer_id = p_customer_id AND coalesce(l.contract_no, '') = coalesce(p_contract_no, '')
          AND l.superseded_at IS NULL
    ),
    target AS (
        SELECT coalesce((SELECT l.currency FROM line l), p_customer_currency) AS currency
    ),
    totals AS (
        SELECT CAST(b.currency AS TEXT) AS currency, b.open_receivables, b.released_orders, b.unapplied_credit
        FROM credit_balance b
        WHERE b.customer_id = p_customer_id AND p_contract_no IS NULL
        UNION ALL
        SELECT e.currency, e.open_receivables, e.released_orders, 0
        FROM ledger_contract_exposure(p_customer_id, p_contract_no) e
        WHERE p_contract_no IS NOT NULL
    ),
    cheques AS (
        SELECT c.currency, c.amount
        FROM policy p, ledger_uncleared_cheques(p_customer_id, p_as_of, p.cheque_clearing_days) c
        WHERE p_contract_no IS NULL
    ),
    rates AS (
        SELECT DISTINCT ON (r.from_currency) CAST(r.from_currency AS TEXT) AS from_currency, r.rate
        FROM exchange_rate r
        WHERE r.to_currency = (SELECT t.currency FROM target t)
          AND r.from_currency IN (SELECT t.currency FROM totals t UNION SELECT c.currency FROM cheques c
                                  UNION SELECT p_amount_currency)
          AND r.valid_on <= p_as_of
        ORDER BY r.from_currency, r.valid_on DESC
    ),
    overdue AS (
        SELECT o.currency, sum(o.counted) AS amount, max(o.days_overdue) AS max_days, count(*) AS invoices
        FROM (
            SELECT o.currency, o.days_overdue,
                   o.open_amount - least(coalesce(d.disputed_amount, 0), o.open_amount) AS counted
            FROM policy p
            CROSS JOIN ledger_overdue_invoice_items_v140(p_customer_id, p_as_of, p_as_of - p.grace_days) o
            -- Read only under a policy where disputed amounts do not hold (a one-time filter otherwise).
            LEFT JOIN LATERAL (
                SELECT sum(d.amount) AS disputed_amount
                FROM invoice_dispute d
                WHERE NOT p.disputed_counts_for_hold
                  AND d.invoice_id = o.invoice_id
                  AND d.raised_on <= p_as_of
                  AND (d.resolved_on IS NULL OR d.resolved_on > p_as_of)
            ) d ON true
        ) o
        WHERE o.counted > 0
        GROUP BY o.currency
    ),
    holds AS (
        SELECT h.id, h.reason, h.automatic, h.note, h.placed_by, h.placed_at
        FROM customer_hold h
        WHERE h.customer_id = p_customer_id AND h.lifted_at IS NULL
    )
    SELECT p.grace_days,
           (SELECT t.currency FROM target t),
           l.amount IS NOT NULL,
           CAST(l.amount AS NUMERIC), l.currency, l.valid_from, l.valid_until, l.review_on,
           (SELECT coalesce(sum(s.amount), 0) FROM credit_security s
            WHERE s.customer_id = p_customer_id AND coalesce(s.contract_no, '') = coalesce(p_contract_no, '')
              AND s.expires_on >= p_as_of AND CAST(s.currency AS TEXT) = l.currency),
           ARRAY(SELECT t.currency FROM totals t ORDER BY t.currency),
           ARRAY(SELECT CAST(t.open_receivables AS NUMERIC) FROM totals t ORDER BY t.currency),
           ARRAY(SELECT CAST(t.released_orders AS NUMERIC) FROM totals t ORDER BY t.currency),
           ARRAY(SELECT CAST(t.unapplied_credit AS NUMERIC) FROM totals t ORDER BY t.currency),
           ARRAY(SELECT c.currency FROM cheques c ORDER BY c.currency),
           ARRAY(SELECT c.amount FROM cheques c ORDER BY c.currency),
           ARRAY(SELECT r.from_currency FROM rates r ORDER BY r.from_currency),
           ARRAY(SELECT CAST(r.rate AS NUMERIC) FROM rates r ORDER BY r.from_currency),
           ARRAY(SELECT o.currency FROM overdue o ORDER BY o.currency),
           ARRAY(SELECT o.amount FROM overdue o ORDER BY o.currency),
           (SELECT CAST(coalesce(max(o.max_days), 0) AS INTEGER) FROM overdue o),
           (SELECT CAST(coalesce(sum(o.invoices), 0) AS INTEGER) FROM overdue o),
           a.customer_id IS NOT NULL, a.credit_state, a.stop_reason, a.legal, a.linked_to_stopped,
           a.bounced_cheque, a.risk_class,
           ARRAY(SELECT h.id FROM holds h ORDER BY h.id),
           ARRAY(SELECT h.reason FROM holds h ORDER BY h.id),
           ARRAY(SELECT h.automatic FROM holds h ORDER BY h.id),
           ARRAY(SELECT h.note FROM holds h ORDER BY h.id),
           ARRAY(SELECT h.placed_by FROM holds h ORDER BY h.id),
           ARRAY(SELECT h.placed_at FROM holds h ORDER BY h.id)
    FROM policy p
    LEFT JOIN line l ON true
    LEFT JOIN credit_account a ON a.customer_id = p_customer_id;
END
$$;
