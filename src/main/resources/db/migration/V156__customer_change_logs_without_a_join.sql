-- The customer-change triggers of the stored pages (worklist V53, today's aging V133/V134, today's escalation facts
-- V149, the risk board V151, the cash forecast V152) found the customers whose stored attributes changed by joining
-- the statement's two transition tables. PL/pgSQL keeps the plan of a function's first call in a session, and
-- transition tables have no statistics: after a one-row customer edit on a pooled connection, a later 100,000-row
-- update of customer (a customers file imported again) ran the join as a nested loop — over a minute per trigger
-- (measured on the 100,000-customer portfolio; it would have taken hours). Nothing updates customer.id, so a new
-- row whose compared columns are not among the old rows' is a changed customer: a set difference (EXCEPT, where
-- NULLs compare equal, as IS DISTINCT FROM does), which is a hash or a sort whatever the sizes. Same answers.

CREATE OR REPLACE FUNCTION collections_worklist_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO collections_worklist_touched (customer_id)
    SELECT id
      FROM (SELECT id, code, area_code FROM touched_new
            EXCEPT
            SELECT id, code, area_code FROM touched_old) changed;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION aging_today_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO aging_today_touched (customer_id)
    SELECT id
      FROM (SELECT id, area_code, business_group, sales_rep, code, name FROM touched_new
            EXCEPT
            SELECT id, area_code, business_group, sales_rep, code, name FROM touched_old) changed;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION escalation_today_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO escalation_today_touched (customer_id)
    SELECT id
      FROM (SELECT id, code, name, area_code, currency FROM touched_new
            EXCEPT
            SELECT id, code, name, area_code, currency FROM touched_old) changed;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION risk_board_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO risk_board_touched (customer_id)
    SELECT id
      FROM (SELECT id, code, name, area_code, currency FROM touched_new
            EXCEPT
            SELECT id, code, name, area_code, currency FROM touched_old) changed;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION cash_forecast_customer_moved() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO cash_forecast_moved (customer_id)
    SELECT id
      FROM (SELECT id, area_code FROM touched_new
            EXCEPT
            SELECT id, area_code FROM touched_old) changed;
    RETURN NULL;
END
$$;
