-- Planning's published SQL face: how the approved fund plan steers credit. Credit and risk call
-- these functions in their own SQL, so neither depends on planning's Java types (no module cycle).
-- Only the APPROVED plan of the date's year steers; a draft never does. Only the areas and product
-- lines the plan names are steered. Receivables are the open amounts today (invoice.open_amount),
-- converted into the company currency at the newest stored rate on or before p_as_of; an amount
-- without a rate is left out.

CREATE FUNCTION fund_plan_in_force(p_as_of DATE) RETURNS BIGINT
    LANGUAGE sql STABLE AS
$$
SELECT id FROM fund_plan WHERE status = 'APPROVED' AND plan_year = CAST(extract(YEAR FROM p_as_of) AS INTEGER)
$$;

-- Each customer's open receivables per product line in the company currency.
CREATE FUNCTION plan_open_receivables(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, product_line TEXT, amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH base AS (SELECT base_currency FROM company_settings WHERE id = 1),
     rates AS (SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
               FROM exchange_rate r JOIN base b ON r.to_currency = b.base_currency
               WHERE r.valid_on <= p_as_of
               ORDER BY r.from_currency, r.valid_on DESC)
SELECT i.customer_id, i.product_line,
       sum(i.open_amount * CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END)
FROM invoice i
CROSS JOIN base b
LEFT JOIN rates r ON r.currency = i.currency
WHERE i.open_amount > 0
GROUP BY i.customer_id, i.product_line
$$;

-- The most a customer's recommended limit may be under the approved plan: its own allocation when
-- planned individually, else its open receivables plus what is left of its area's amount (the area's
-- plan less the allocations of its individually planned customers and the open receivables of the
-- others). No row = the plan does not steer this customer.
CREATE FUNCTION plan_limit_caps(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, limit_cap NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH plan AS (SELECT fund_plan_in_force(p_as_of) AS id),
     open AS (SELECT o.customer_id, sum(o.amount) AS amount FROM plan_open_receivables(p_as_of) o GROUP BY o.customer_id),
     planned_customer AS (SELECT fc.customer_id, sum(fc.amount) AS amount
                          FROM fund_plan_customer fc JOIN plan ON fc.plan_id = plan.id
                          GROUP BY fc.customer_id),
     planned_area AS (SELECT fa.area_code, sum(fa.amount) AS amount
                      FROM fund_plan_area fa JOIN plan ON fa.plan_id = plan.id
                      GROUP BY fa.area_code),
     area_used AS (SELECT c.area_code,
                          sum(coalesce(pc.amount, o.amount, 0)) AS used
                   FROM customer c
                   JOIN planned_area pa ON pa.area_code = c.area_code
                   LEFT JOIN open o ON o.customer_id = c.id
                   LEFT JOIN planned_customer pc ON pc.customer_id = c.id
                   GROUP BY c.area_code)
SELECT c.id,
       CASE WHEN pc.customer_id IS NOT NULL THEN pc.amount
            ELSE coalesce(o.amount, 0) + greatest(pa.amount - au.used, 0) END
FROM customer c
LEFT JOIN planned_customer pc ON pc.customer_id = c.id
LEFT JOIN planned_area pa ON pa.area_code = c.area_code
LEFT JOIN area_used au ON au.area_code = c.area_code
LEFT JOIN open o ON o.customer_id = c.id
WHERE pc.customer_id IS NOT NULL OR pa.area_code IS NOT NULL
$$;

-- The plan nodes a customer would take over plan if it drew a limit of p_limit (company currency):
-- its own allocation, its area (all product lines) and its main product line (most invoiced in the
-- twelve months to p_as_of). projected = the node's open receivables with this customer's replaced by
-- p_limit. No rows = within plan (or no approved plan).
CREATE FUNCTION plan_limit_excess(p_customer_id BIGINT, p_limit NUMERIC, p_as_of DATE)
    RETURNS TABLE (node TEXT, planned NUMERIC, projected NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH plan AS (SELECT fund_plan_in_force(p_as_of) AS id),
     me AS (SELECT id, area_code FROM customer WHERE id = p_customer_id),
     open AS (SELECT o.customer_id, o.product_line, o.amount, c.area_code
              FROM plan_open_receivables(p_as_of) o JOIN customer c ON c.id = o.customer_id),
     main_line AS (SELECT coalesce(
                     (SELECT i.product_line FROM invoice i
                      WHERE i.customer_id = p_customer_id AND i.product_line IS NOT NULL
                        AND i.issue_date > p_as_of - 365 AND i.issue_date <= p_as_of
                      GROUP BY i.product_line ORDER BY sum(i.amount) DESC, i.product_line LIMIT 1),
                     (SELECT fc.product_line FROM fund_plan_customer fc JOIN plan ON fc.plan_id = plan.id
                      WHERE fc.customer_id = p_customer_id ORDER BY fc.amount DESC LIMIT 1)) AS product_line)
SELECT 'CUSTOMER:' || c.code, sum(fc.amount), p_limit
FROM fund_plan_customer fc JOIN plan ON fc.plan_id = plan.id JOIN customer c ON c.id = fc.customer_id
WHERE fc.customer_id = p_customer_id
GROUP BY c.code
HAVING p_limit > sum(fc.amount)
UNION ALL
SELECT 'AREA:' || me.area_code, pa.amount,
       coalesce((SELECT sum(o.amount) FROM open o WHERE o.area_code = me.area_code AND o.customer_id <> p_customer_id), 0)
           + p_limit
FROM me
JOIN (SELECT fa.area_code, sum(fa.amount) AS amount FROM fund_plan_area fa JOIN plan ON fa.plan_id = plan.id
      GROUP BY fa.area_code) pa ON pa.area_code = me.area_code
WHERE coalesce((SELECT sum(o.amount) FROM open o WHERE o.area_code = me.area_code AND o.customer_id <> p_customer_id), 0)
          + p_limit > pa.amount
UNION ALL
SELECT 'PRODUCT_LINE:' || fl.product_line, fl.amount,
       coalesce((SELECT sum(o.amount) FROM open o WHERE o.product_line = fl.product_line AND o.customer_id <> p_customer_id), 0)
           + p_limit
FROM main_line ml
JOIN fund_plan_product_line fl ON fl.product_line = ml.product_line
JOIN plan ON fl.plan_id = plan.id
WHERE coalesce((SELECT sum(o.amount) FROM open o WHERE o.product_line = fl.product_line AND o.customer_id <> p_customer_id), 0)
          + p_limit > fl.amount
$$;

-- Credit's authority for warnings, as data like the authority matrix: a limit request carrying the
-- warning may only be approved by these roles (besides the ordinary APPROVE_LIMIT authority).
CREATE TABLE authority_warning_rule (
    warning TEXT NOT NULL,
    role    TEXT NOT NULL,
    PRIMARY KEY (warning, role)
);
INSERT INTO authority_warning_rule (warning, role) VALUES ('PLAN_EXCEEDED', 'CREDIT_MANAGER'),
                                                          ('PLAN_EXCEEDED', 'GENERAL_MANAGER');

-- The warnings a limit request carried when it was made (e.g. PLAN_EXCEEDED with the nodes it exceeds).
CREATE TABLE credit_limit_request_warning (
    request_id BIGINT NOT NULL REFERENCES credit_limit_request (id),
    code       TEXT NOT NULL,
    detail     TEXT NOT NULL,
    PRIMARY KEY (request_id, code)
);
