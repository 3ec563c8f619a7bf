-- plan_limit_excess answered nothing when no plan is in force, but only after summing every open invoice of the
-- book (plan_open_receivables): 23 ms per limit request at 1,200 customers, the demo's limits step 2.9 s -> 7-8 s,
-- and in proportion to the book's open invoices at 100,000 customers. Same answer; it now returns at once when no
-- approved plan steers the date's year.
CREATE OR REPLACE FUNCTION plan_limit_excess(p_customer_id BIGINT, p_limit NUMERIC, p_as_of DATE)
    RETURNS TABLE (node TEXT, planned NUMERIC, projected NUMERIC)
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    v_plan BIGINT := fund_plan_in_force(p_as_of);
BEGIN
    IF v_plan IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH plan AS (SELECT v_plan AS id),
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
              + p_limit > fl.amount;
END
$$;
