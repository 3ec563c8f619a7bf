-- Order entry (issue 14, session 9): the customer by code and the locked snapshot in one statement. POST /orders
-- read the customer (404 when unknown or outside the caller's areas), then called credit_order_snapshot() with its
-- id: two round trips. CreditSnapshotRepository now joins the customers module's published look-up below with
-- credit_order_snapshot() as it is, so the account row is locked only for a customer the caller may see.

-- customers' published look-up of one customer by code: what CustomerRef holds (the customers module's own
-- CustomerLookupRepository reads the same columns). A SQL function of one SELECT, so the planner inlines it and
-- reads the code's unique index.
CREATE FUNCTION customer_ref(p_code TEXT)
    RETURNS TABLE (id BIGINT, code TEXT, name TEXT, area_code TEXT, currency TEXT, payment_term_days INTEGER)
    LANGUAGE sql STABLE AS
$$
    SELECT c.id, c.code, c.name, c.area_code, c.currency::text, c.payment_term_days
    FROM customer c
    WHERE c.code = p_code
$$;
