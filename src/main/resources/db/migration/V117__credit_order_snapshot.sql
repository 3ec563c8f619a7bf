-- Order entry in fewer round trips (issue 14, session 7): the order's credit decision reads the customer's
-- credit account row locked and then its snapshot. Before, that was the lock statement, SAVEPOINT, the
-- snapshot and RELEASE SAVEPOINT; the savepoint existed only so that a failing snapshot could be rolled back
-- and the order still recorded BLOCKED with CHECK_FAILED. This function does both in one statement and traps
-- the snapshot's own failure: then it answers one row with `failure` set (the error's text) and every other
-- column NULL, and the caller's transaction goes on (the trap is a subtransaction inside the server).
--
-- The lock (creating a missing account first) is outside the trap: a lock that cannot be had fails the
-- statement as it failed the lock statement before, and a trapped failure never releases the lock. The
-- function is VOLATILE, so the snapshot's statement takes its own snapshot after the lock is granted: an
-- order that waited for the lock sees what the order before it committed (no overshoot).
CREATE FUNCTION credit_order_snapshot(p_customer_id BIGINT, p_contract_no TEXT, p_customer_currency TEXT,
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
        FROM credit_check_snapshot(p_customer_id, p_contract_no, p_customer_currency, p_amount_currency, p_as_of) s;
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
