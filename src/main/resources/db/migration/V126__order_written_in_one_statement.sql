-- Order entry in one write statement (issue 14, session 8). A new order used to write its rows in four
-- statements, one round trip each: the ledger's sales order, the credit decision, the audit entry and (when
-- blocked) the ERP event. credit_place_order() writes them all in one call, in the same order and with the same
-- values; each module's table is written by that module's function (ledger_insert_order, audit_append) or by credit
-- itself. The running totals of a released order stay with credit's OrderRecorded listener, the one place every
-- order's totals move.

-- The ledger's published insert of a new sales order: its id, or NULL when the order number is taken (nothing
-- written; the caller answers the stored order). The ledger's own insert (OrderRepository) is this function too.
CREATE FUNCTION ledger_insert_order(p_order_no TEXT, p_customer_id BIGINT, p_order_date DATE, p_amount NUMERIC,
                                    p_currency TEXT, p_product_line TEXT, p_contract_no TEXT, p_status TEXT)
    RETURNS BIGINT
    LANGUAGE sql VOLATILE AS
$$
    INSERT INTO sales_order (order_no, customer_id, order_date, amount, currency, product_line, contract_no, status)
    VALUES (p_order_no, p_customer_id, p_order_date, p_amount, p_currency, p_product_line, p_contract_no, p_status)
    ON CONFLICT (order_no) DO NOTHING
    RETURNING id
$$;

-- The audit trail's published append (the same row AuditTrail.record writes): its id.
CREATE FUNCTION audit_append(p_at TIMESTAMPTZ, p_actor TEXT, p_action TEXT, p_subject_type TEXT, p_subject_id TEXT,
                             p_before JSONB, p_after JSONB, p_reason TEXT)
    RETURNS BIGINT
    LANGUAGE sql VOLATILE AS
$$
    INSERT INTO audit_log (at, actor, action, subject_type, subject_id, before, after, reason)
    VALUES (p_at, p_actor, p_action, p_subject_type, p_subject_id, p_before, p_after, p_reason)
    RETURNING id
$$;

-- A new order and its credit decision, as CreditOrders.place decided it while holding the customer's credit
-- account row (credit_order_snapshot): the sales order; the decision (the same upsert as
-- CreditOrderRepository's); the audit entry ORDER_DECIDED, whose `after` is the decision as stored (the caller
-- sends it as JSON; its decisionSeq is set here from the stored row); the ERP event ORDER_BLOCKED when
-- p_event_payload is given. Answers the sales order's id and the decision's decision_seq, or NULLs when the order
-- number is taken: then nothing is written. The caller then publishes the ledger's OrderRecorded.
CREATE FUNCTION credit_place_order(p_order_no TEXT, p_customer_id BIGINT, p_customer_code TEXT, p_area TEXT,
                                   p_order_date DATE, p_amount NUMERIC, p_currency TEXT, p_product_line TEXT,
                                   p_contract_no TEXT, p_status TEXT, p_reasons JSONB, p_figures_currency TEXT,
                                   p_open NUMERIC, p_released NUMERIC, p_cheques NUMERIC, p_unapplied NUMERIC,
                                   p_exposure NUMERIC, p_credit_limit NUMERIC, p_available NUMERIC,
                                   p_at TIMESTAMPTZ, p_by TEXT, p_audit_after JSONB, p_audit_reason TEXT,
                                   p_event_payload JSONB)
    RETURNS TABLE (order_id BIGINT, decision_seq BIGINT)
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    order_id := ledger_insert_order(p_order_no, p_customer_id, p_order_date, p_amount, p_currency, p_product_line,
                                    p_contract_no, p_status);
    IF order_id IS NULL THEN
        RETURN NEXT;
        RETURN;
    END IF;
    INSERT INTO credit_order AS o (order_no, customer_id, customer_code, area_code, order_date, amount, currency,
                                   contract_no, status, reasons, figures_currency, open_receivables, released_orders,
                                   uncleared_cheques, unapplied_credit, exposure, credit_limit, available,
                                   decided_at, decided_by)
    VALUES (p_order_no, p_customer_id, p_customer_code, p_area, p_order_date, p_amount, p_currency, p_contract_no,
            p_status, p_reasons, p_figures_currency, p_open, p_released, p_cheques, p_unapplied, p_exposure,
            p_credit_limit, p_available, p_at, p_by)
    ON CONFLICT (order_no) DO UPDATE
        SET amount = EXCLUDED.amount, status = EXCLUDED.status, reasons = EXCLUDED.reasons,
            figures_currency = EXCLUDED.figures_currency, open_receivables = EXCLUDED.open_receivables,
            released_orders = EXCLUDED.released_orders, uncleared_cheques = EXCLUDED.uncleared_cheques,
            unapplied_credit = EXCLUDED.unapplied_credit, exposure = EXCLUDED.exposure,
            credit_limit = EXCLUDED.credit_limit, available = EXCLUDED.available,
            decision_seq = nextval('credit_order_decision_seq'), decided_at = EXCLUDED.decided_at,
            decided_by = EXCLUDED.decided_by, resolved_by = NULL, resolved_at = NULL, resolution_note = NULL
    RETURNING o.decision_seq INTO decision_seq;
    PERFORM audit_append(p_at, p_by, 'ORDER_DECIDED', 'ORDER', p_order_no, NULL,
                         jsonb_set(p_audit_after, '{decisionSeq}', to_jsonb(decision_seq)), p_audit_reason);
    IF p_event_payload IS NOT NULL THEN
        INSERT INTO erp_event (type, customer_code, order_no, at, payload)
        VALUES ('ORDER_BLOCKED', p_customer_code, p_order_no, p_at, p_event_payload);
    END IF;
    RETURN NEXT;
END
$$;
