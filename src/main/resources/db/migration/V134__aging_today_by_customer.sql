-- Issue 18, session 7: today's aging by customer read a page at a time.
--
-- By customer, a read of today's store (V133) sorted its ~231,000 cells by customer code to build ~164,000 rows,
-- also for a page that shows 50. This keeps the same figures one row per customer and currency, in customer-code
-- order (the primary key), with the bucket amounts as two parallel arrays: a page is a range of the index, merged
-- with the customers touched since (recomputed live, as for every other grouping), and an export reads the index
-- from start to end. Written with aging_today (from its rows) by the daily run of today and by the fold; the
-- number of rows per area is kept beside it so a page counts without reading the table.
CREATE TABLE aging_today_customer (
    code        TEXT NOT NULL,
    currency    CHAR(3) NOT NULL,
    customer_id BIGINT NOT NULL,
    name        TEXT NOT NULL,
    area_code   TEXT NOT NULL,
    buckets     TEXT[] NOT NULL,
    amounts     NUMERIC[] NOT NULL,
    disputed    NUMERIC NOT NULL,
    PRIMARY KEY (code, currency)
);
CREATE INDEX aging_today_customer_id_idx ON aging_today_customer (customer_id);

CREATE TABLE aging_today_customer_count (
    area_code TEXT PRIMARY KEY,
    rows      INTEGER NOT NULL
);

-- The customer's code and name are now part of what is stored: their changes touch the customer too.
CREATE OR REPLACE FUNCTION aging_today_touch_customer() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO aging_today_touched (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id
     WHERE n.area_code IS DISTINCT FROM o.area_code OR n.business_group IS DISTINCT FROM o.business_group
        OR n.sales_rep IS DISTINCT FROM o.sales_rep OR n.code IS DISTINCT FROM o.code
        OR n.name IS DISTINCT FROM o.name;
    RETURN NULL;
END
$$;

-- A store kept before this migration gets its rows by customer once (it may be today's).
INSERT INTO aging_today_customer (code, currency, customer_id, name, area_code, buckets, amounts, disputed)
SELECT c.code, t.currency, t.customer_id, c.name, t.area_code,
       array_agg(t.bucket ORDER BY t.bucket), array_agg(t.amount ORDER BY t.bucket), sum(t.disputed)
FROM (SELECT customer_id, area_code, currency, bucket, sum(open_amount) AS amount, sum(disputed) AS disputed
      FROM aging_today
      GROUP BY customer_id, area_code, currency, bucket) t
JOIN customer c ON c.id = t.customer_id
GROUP BY c.code, t.currency, t.customer_id, c.name, t.area_code;

INSERT INTO aging_today_customer_count (area_code, rows)
SELECT area_code, count(*) FROM aging_today_customer GROUP BY area_code;
