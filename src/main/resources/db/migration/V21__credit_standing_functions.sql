-- The credit module's published SQL face for list filters in other modules (the customer list
-- filters and shows the credit state in one query instead of asking credit per row).
-- Same rule as the live check: stopped if credit is stopped; on hold while a hold is active or an
-- invoice is overdue beyond the policy's grace days on p_as_of; else active.
CREATE FUNCTION customer_credit_state(p_customer_id BIGINT, p_as_of DATE) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN EXISTS (SELECT 1 FROM credit_account a
                        WHERE a.customer_id = p_customer_id AND a.credit_state = 'STOPPED') THEN 'STOPPED'
           WHEN EXISTS (SELECT 1 FROM customer_hold h
                        WHERE h.customer_id = p_customer_id AND h.lifted_at IS NULL)
               OR EXISTS (SELECT 1 FROM invoice i JOIN credit_policy p ON p.id = 1
                          WHERE i.customer_id = p_customer_id
                            AND i.open_amount > 0
                            AND i.due_date + p.grace_days < p_as_of) THEN 'ON_HOLD'
           ELSE 'ACTIVE'
       END
$$;

CREATE FUNCTION customer_risk_class(p_customer_id BIGINT) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
SELECT risk_class FROM credit_account WHERE customer_id = p_customer_id
$$;
