-- Issue 13, one truth per customer: the list's credit state agrees with the customer page and the
-- status API, which count as holds the facts other modules set (bounced cheque, a link to a stopped
-- customer, a legal case, a risk class that needs a manual release: E, CreditRule.RiskClass.DEFAULT)
-- besides stored holds and the live overdue rule.
CREATE OR REPLACE FUNCTION customer_credit_state(p_customer_id BIGINT, p_as_of DATE) RETURNS TEXT
    LANGUAGE sql STABLE AS
$$
SELECT CASE
           WHEN EXISTS (SELECT 1 FROM credit_account a
                        WHERE a.customer_id = p_customer_id AND a.credit_state = 'STOPPED') THEN 'STOPPED'
           WHEN EXISTS (SELECT 1 FROM customer_hold h
                        WHERE h.customer_id = p_customer_id AND h.lifted_at IS NULL
                          AND NOT (h.automatic AND h.reason = 'OVERDUE'))
               OR EXISTS (SELECT 1 FROM credit_account a
                          WHERE a.customer_id = p_customer_id
                            AND (a.legal OR a.linked_to_stopped OR a.bounced_cheque OR a.risk_class = 'E'))
               OR EXISTS (SELECT 1 FROM invoice i JOIN credit_policy p ON p.id = 1
                          WHERE i.customer_id = p_customer_id
                            AND i.open_amount > 0
                            AND i.due_date + p.grace_days < p_as_of) THEN 'ON_HOLD'
           ELSE 'ACTIVE'
       END
$$;
