-- customer_credit_state(customer, asOf): the one definition of the customer's live credit state from here
-- on (V21, V33 and V122 defined it before). A repeatable migration because it must come after every
-- versioned one that defined it, whatever version range added the latest rule: change it here, not in a
-- new versioned migration.
--
-- V122, one truth per customer: the list's credit state agrees with the customer page and the status API,
-- which count as holds the facts other modules set (bounced cheque, a link to a stopped customer, a legal
-- case, a risk class that needs a manual release) besides stored holds and the live overdue rule.
-- V52 (issue 9): under a credit policy where disputed amounts do not count for the overdue hold, an
-- invoice overdue beyond grace counts only while its open amount exceeds what is under dispute on the date.
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
                            AND i.due_date + p.grace_days < p_as_of
                            AND (p.disputed_counts_for_hold
                                 OR i.open_amount > coalesce((SELECT d.disputed_amount
                                                              FROM invoice_disputed_amounts(p_as_of) d
                                                              WHERE d.invoice_id = i.id), 0))) THEN 'ON_HOLD'
           ELSE 'ACTIVE'
       END
$$;

