-- Planning's published cap for ONE customer: the same answer as plan_limit_caps(p_as_of) gives for
-- p_customer_id (NULL where it gives no row), without computing every customer's cap. A customer
-- planned individually is capped by its own allocation (no receivables read); otherwise, when its
-- area is planned, by its open receivables plus what is left of the area's amount, which reads only
-- that area's customers (their open invoices through invoice_open_idx and their own allocations).
CREATE FUNCTION plan_limit_cap(p_customer_id BIGINT, p_as_of DATE) RETURNS NUMERIC
    LANGUAGE sql STABLE AS
$$
WITH plan AS (SELECT fund_plan_in_force(p_as_of) AS id),
     own AS (SELECT sum(fc.amount) AS amount, count(*) AS n
             FROM fund_plan_customer fc JOIN plan ON fc.plan_id = plan.id
             WHERE fc.customer_id = p_customer_id),
     area_plan AS (SELECT c.area_code, sum(fa.amount) AS amount
                   FROM customer c
                   JOIN fund_plan_area fa ON fa.area_code = c.area_code
                   JOIN plan ON fa.plan_id = plan.id
                   WHERE c.id = p_customer_id
                     AND (SELECT n FROM own) = 0
                   GROUP BY c.area_code),
     area_customer AS (SELECT c.id FROM customer c JOIN area_plan ap ON ap.area_code = c.area_code),
     base AS (SELECT base_currency FROM company_settings WHERE id = 1),
     rates AS (SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
               FROM exchange_rate r JOIN base b ON r.to_currency = b.base_currency
               WHERE r.valid_on <= p_as_of
               ORDER BY r.from_currency, r.valid_on DESC),
     open AS (SELECT i.customer_id,
                     sum(i.open_amount * CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END) AS amount
              FROM area_customer ac
              JOIN invoice i ON i.customer_id = ac.id AND i.open_amount > 0
              CROSS JOIN base b
              LEFT JOIN rates r ON r.currency = i.currency
              GROUP BY i.customer_id),
     planned AS (SELECT fc.customer_id, sum(fc.amount) AS amount
                 FROM area_customer ac
                 JOIN fund_plan_customer fc ON fc.customer_id = ac.id
                 JOIN plan ON fc.plan_id = plan.id
                 GROUP BY fc.customer_id),
     area_used AS (SELECT sum(coalesce(pc.amount, o.amount, 0)) AS used
                   FROM area_customer ac
                   LEFT JOIN open o ON o.customer_id = ac.id
                   LEFT JOIN planned pc ON pc.customer_id = ac.id)
SELECT CASE WHEN (SELECT n FROM own) > 0 THEN (SELECT amount FROM own)
            ELSE (SELECT coalesce((SELECT o.amount FROM open o WHERE o.customer_id = p_customer_id), 0)
                         + greatest(ap.amount - (SELECT used FROM area_used), 0)
                  FROM area_plan ap) END
$$;
