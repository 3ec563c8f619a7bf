-- Issue 14, session 9: the credit snapshot cheaper per call, with the same answers: credit_snapshot, the successor
-- of credit_check_snapshot (V113/V140), which the check, the status and order entry (credit_order_snapshot) now call.
--
-- New names, because this migration's number is below V140's: on a fresh database it runs before V140, which
-- (re)creates credit_check_snapshot and ledger_overdue_invoice_items; both stay as V140 left them and are no longer
-- called by the application (a later migration may drop them; CreditSnapshotEqualityTests keeps V140's text).
--
-- Measured on the 100,000-customer copy (backend CPU of 20,000 calls on spread customers, old and new alternating,
-- docs/performance.md "Session 9"): the snapshot's parts cost about half of V140's statement; the rest was the plan
-- itself -- 30 init plans (15 ARRAY(SELECT ...) sub-selects over materialised CTEs, each with its own sort), CTE
-- scans and their start-up and shut-down on every call. credit_snapshot gathers the same row in plain steps, each
-- a small statement planned once per connection (force_generic_plan as before): the policy, the line in force and
-- (only with a line) its valid securities, the running totals or the contract's exposure, uncleared cheques, the
-- rates into the target currency, the live overdue invoices, the account's facts and the active holds -- every
-- list in one aggregate. It is STABLE: every step reads the calling statement's snapshot, so the row is as
-- consistent as the one statement was (credit_order_snapshot calls it after its lock, as before).

-- Uncleared cheques by customer index-only: 6 % of payments are cheques; the check read every payment of the
-- customer in the clearing window from the heap to find them.
CREATE INDEX payment_uncleared_cheque_idx ON payment (customer_id, received_on) INCLUDE (currency, amount)
    WHERE method = 'CHEQUE' AND status = 'RECEIVED';

-- The live overdue rule (V140's ledger_overdue_invoice_items), with V135's shortcut: when the customer has no
-- allocation made or reversed after the date (always so for today unless something is dated ahead), every
-- invoice's open amount as of the date is its kept open_amount (the ledger keeps it with every settlement and
-- reversal), so the overdue invoices are the open ones due before the cut-off and issued by the date, read
-- index-only (invoice_open_aging_idx). Otherwise V140's statement runs unchanged.
CREATE FUNCTION ledger_overdue_items(p_customer_id BIGINT, p_as_of DATE, p_cutoff DATE)
    RETURNS TABLE (invoice_id BIGINT, currency TEXT, open_amount NUMERIC, days_overdue INTEGER)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS
$$
#variable_conflict use_column
BEGIN
    IF NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.allocated_on > p_as_of)
       AND NOT EXISTS (SELECT 1 FROM allocation a WHERE a.customer_id = p_customer_id AND a.reversed_on > p_as_of)
    THEN
        RETURN QUERY
        SELECT i.id, CAST(i.currency AS TEXT), CAST(i.open_amount AS NUMERIC), p_as_of - i.due_date
        FROM invoice i
        WHERE i.customer_id = p_customer_id AND i.open_amount > 0
          AND i.due_date < p_cutoff AND i.issue_date <= p_as_of;
        RETURN;
    END IF;
    RETURN QUERY
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
      AND i.amount - coalesce(s.amount, 0) > 0;
END
$$;

CREATE FUNCTION credit_snapshot(p_customer_id BIGINT, p_contract_no TEXT, p_customer_currency TEXT,
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
DECLARE
    v_clearing INTEGER;
    v_disputed_hold BOOLEAN;
BEGIN
    SELECT p.grace_days, p.cheque_clearing_days, p.disputed_counts_for_hold
    INTO grace_days, v_clearing, v_disputed_hold
    FROM credit_policy p WHERE p.id = 1;

    SELECT CAST(l.amount AS NUMERIC), CAST(l.currency AS TEXT), l.valid_from, l.valid_until, l.review_on
    INTO line_amount, line_currency, valid_from, valid_until, review_on
    FROM credit_limit l
    WHERE l.customer_id = p_customer_id AND coalesce(l.contract_no, '') = coalesce(p_contract_no, '')
      AND l.superseded_at IS NULL;
    has_line := line_amount IS NOT NULL;
    target_currency := coalesce(line_currency, p_customer_currency);
    IF has_line THEN
        SELECT coalesce(sum(s.amount), 0) INTO securities FROM credit_security s
        WHERE s.customer_id = p_customer_id AND coalesce(s.contract_no, '') = coalesce(p_contract_no, '')
          AND s.expires_on >= p_as_of AND CAST(s.currency AS TEXT) = line_currency;
    ELSE
        securities := 0;
    END IF;

    IF p_contract_no IS NULL THEN
        SELECT coalesce(array_agg(CAST(b.currency AS TEXT) ORDER BY b.currency), '{}'),
               coalesce(array_agg(CAST(b.open_receivables AS NUMERIC) ORDER BY b.currency), '{}'),
               coalesce(array_agg(CAST(b.released_orders AS NUMERIC) ORDER BY b.currency), '{}'),
               coalesce(array_agg(CAST(b.unapplied_credit AS NUMERIC) ORDER BY b.currency), '{}')
        INTO total_currencies, total_open, total_released, total_unapplied
        FROM credit_balance b WHERE b.customer_id = p_customer_id;
        SELECT coalesce(array_agg(c.currency ORDER BY c.currency), '{}'),
               coalesce(array_agg(c.amount ORDER BY c.currency), '{}')
        INTO cheque_currencies, cheque_amounts
        FROM ledger_uncleared_cheques(p_customer_id, p_as_of, v_clearing) c;
    ELSE
        SELECT coalesce(array_agg(e.currency ORDER BY e.currency), '{}'),
               coalesce(array_agg(e.open_receivables ORDER BY e.currency), '{}'),
               coalesce(array_agg(e.released_orders ORDER BY e.currency), '{}'),
               coalesce(array_agg(CAST(0 AS NUMERIC) ORDER BY e.currency), '{}')
        INTO total_currencies, total_open, total_released, total_unapplied
        FROM ledger_contract_exposure(p_customer_id, p_contract_no) e;
        cheque_currencies := '{}';
        cheque_amounts := '{}';
    END IF;

    SELECT coalesce(array_agg(r.from_currency ORDER BY r.from_currency), '{}'),
           coalesce(array_agg(r.rate ORDER BY r.from_currency), '{}')
    INTO rate_currencies, rate_values
    FROM (
        SELECT DISTINCT ON (r.from_currency) CAST(r.from_currency AS TEXT) AS from_currency,
               CAST(r.rate AS NUMERIC) AS rate
        FROM exchange_rate r
        WHERE r.to_currency = target_currency
          AND r.from_currency = ANY (total_currencies || cheque_currencies || p_amount_currency)
          AND r.valid_on <= p_as_of
        ORDER BY r.from_currency, r.valid_on DESC
    ) r;

    SELECT coalesce(array_agg(o.currency ORDER BY o.currency), '{}'),
           coalesce(array_agg(o.amount ORDER BY o.currency), '{}'),
           CAST(coalesce(max(o.max_days), 0) AS INTEGER),
           CAST(coalesce(sum(o.invoices), 0) AS INTEGER)
    INTO overdue_currencies, overdue_amounts, overdue_max_days, overdue_invoices
    FROM (
        SELECT o.currency, sum(o.counted) AS amount, max(o.days_overdue) AS max_days, count(*) AS invoices
        FROM (
            SELECT o.currency, o.days_overdue,
                   o.open_amount - least(coalesce(d.disputed_amount, 0), o.open_amount) AS counted
            FROM ledger_overdue_items(p_customer_id, p_as_of, p_as_of - grace_days) o
            -- Read only under a policy where disputed amounts do not hold (a one-time filter otherwise).
            LEFT JOIN LATERAL (
                SELECT sum(d.amount) AS disputed_amount
                FROM invoice_dispute d
                WHERE NOT v_disputed_hold
                  AND d.invoice_id = o.invoice_id
                  AND d.raised_on <= p_as_of
                  AND (d.resolved_on IS NULL OR d.resolved_on > p_as_of)
            ) d ON true
        ) o
        WHERE o.counted > 0
        GROUP BY o.currency
    ) o;

    SELECT true, a.credit_state, a.stop_reason, a.legal, a.linked_to_stopped, a.bounced_cheque, a.risk_class
    INTO has_account, credit_state, stop_reason, legal, linked_to_stopped, bounced_cheque, risk_class
    FROM credit_account a WHERE a.customer_id = p_customer_id;
    has_account := coalesce(has_account, false);

    SELECT coalesce(array_agg(h.id ORDER BY h.id), '{}'), coalesce(array_agg(h.reason ORDER BY h.id), '{}'),
           coalesce(array_agg(h.automatic ORDER BY h.id), '{}'), coalesce(array_agg(h.note ORDER BY h.id), '{}'),
           coalesce(array_agg(h.placed_by ORDER BY h.id), '{}'), coalesce(array_agg(h.placed_at ORDER BY h.id), '{}')
    INTO hold_ids, hold_reasons, hold_automatic, hold_notes, hold_placed_by, hold_placed_at
    FROM customer_hold h
    WHERE h.customer_id = p_customer_id AND h.lifted_at IS NULL;
    RETURN NEXT;
END
$$;

-- Order entry (V117): the account locked, then the same snapshot, now credit_snapshot; otherwise unchanged.
CREATE OR REPLACE FUNCTION credit_order_snapshot(p_customer_id BIGINT, p_contract_no TEXT, p_customer_currency TEXT,
                                      p_amount_currency TEXT, p_as_of DATE)
    RETURNS TABLE (failure TEXT, grace_days INTEGER, target_currency TEXT, has_line BOOLEAN, line_amount NUMERIC,
                   line_currency TEXT, valid_from DATE, valid_until DATE, review_on DATE, securities NUMERIC,
                   total_currencies TEXT[], total_open NUMERIC[], total_released NUMERIC[],
                   total_unapplied NUMERIC[], cheque_currencies TEXT[], cheque_amounts NUMERIC[],
                   rate_currencies TEXT[], rate_values NUMERIC[], overdue_currencies TEXT[],
                   overdue_amounts NUMERIC[], overdue_max_days INTEGER, overdue_invoices INTEGER,
                   has_account BOOLEAN, credit_state TEXT, stop_reason TEXT, legal BOOLEAN,
                   linked_to_stopped BOOLEAN, bounced_cheque BOOLEAN, risk_class TEXT, hold_ids BIGINT[],
                   hold_reasons TEXT[], hold_automatic BOOLEAN[], hold_notes TEXT[], hold_placed_by TEXT[],
                   hold_placed_at TIMESTAMPTZ[])
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM 1 FROM credit_account a WHERE a.customer_id = p_customer_id FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO credit_account (customer_id) VALUES (p_customer_id) ON CONFLICT (customer_id) DO NOTHING;
        PERFORM 1 FROM credit_account a WHERE a.customer_id = p_customer_id FOR UPDATE;
    END IF;
    BEGIN
        SELECT NULL, s.grace_days, s.target_currency, s.has_line, s.line_amount, s.line_currency, s.valid_from,
               s.valid_until, s.review_on, s.securities, s.total_currencies, s.total_open, s.total_released,
               s.total_unapplied, s.cheque_currencies, s.cheque_amounts, s.rate_currencies, s.rate_values,
               s.overdue_currencies, s.overdue_amounts, s.overdue_max_days, s.overdue_invoices, s.has_account,
               s.credit_state, s.stop_reason, s.legal, s.linked_to_stopped, s.bounced_cheque, s.risk_class,
               s.hold_ids, s.hold_reasons, s.hold_automatic, s.hold_notes, s.hold_placed_by, s.hold_placed_at
        INTO STRICT failure, grace_days, target_currency, has_line, line_amount, line_currency, valid_from,
             valid_until, review_on, securities, total_currencies, total_open, total_released,
             total_unapplied, cheque_currencies, cheque_amounts, rate_currencies, rate_values,
             overdue_currencies, overdue_amounts, overdue_max_days, overdue_invoices, has_account,
             credit_state, stop_reason, legal, linked_to_stopped, bounced_cheque, risk_class,
             hold_ids, hold_reasons, hold_automatic, hold_notes, hold_placed_by, hold_placed_at
        FROM credit_snapshot(p_customer_id, p_contract_no, p_customer_currency, p_amount_currency, p_as_of) s;
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        failure := coalesce(SQLERRM, SQLSTATE);
        grace_days := NULL; target_currency := NULL; has_line := NULL; line_amount := NULL;
        line_currency := NULL; valid_from := NULL; valid_until := NULL; review_on := NULL; securities := NULL;
        total_currencies := NULL; total_open := NULL; total_released := NULL; total_unapplied := NULL;
        cheque_currencies := NULL; cheque_amounts := NULL; rate_currencies := NULL; rate_values := NULL;
        overdue_currencies := NULL; overdue_amounts := NULL; overdue_max_days := NULL; overdue_invoices := NULL;
        has_account := NULL; credit_state := NULL; stop_reason := NULL; legal := NULL;
        linked_to_stopped := NULL; bounced_cheque := NULL; risk_class := NULL; hold_ids := NULL;
        hold_reasons := NULL; hold_automatic := NULL; hold_notes := NULL; hold_placed_by := NULL;
        hold_placed_at := NULL;
    END;
    RETURN NEXT;
END
$$;
