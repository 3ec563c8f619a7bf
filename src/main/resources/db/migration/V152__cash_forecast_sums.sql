-- Issue 18, session 7: the cash forecast at 100,000 customers read all 456,753 predictions per request. The prediction
-- run now also writes their sums per area, product line, currency and predicted pay date, and per due date
-- (cash_forecast_sum, a few thousand rows), in the same transaction as the predictions; the forecast groups those by
-- week. Each prediction carries its customer's area at the run (area_code), and customers moved to another area
-- since are logged by a trigger: a read moves their predictions from the area they were summed under to the
-- customer's area now, so the answer equals the per-prediction statement at every moment.
ALTER TABLE invoice_prediction ADD COLUMN area_code TEXT;

UPDATE invoice_prediction p
SET area_code = c.area_code
FROM customer c
WHERE c.id = p.customer_id;

-- kind P: by predicted pay date (expected), D: by due date; predictions: how many were summed (a read lists a week
-- and group only when some prediction falls in it, as the per-prediction statement does).
CREATE TABLE cash_forecast_sum (
    kind         CHAR(1) NOT NULL CHECK (kind IN ('P', 'D')),
    area_code    TEXT NOT NULL,
    product_line TEXT,
    currency     CHAR(3) NOT NULL,
    on_date      DATE NOT NULL,
    predictions  BIGINT NOT NULL,
    amount       NUMERIC NOT NULL
);
CREATE INDEX cash_forecast_sum_currency_idx ON cash_forecast_sum (currency, on_date);

INSERT INTO cash_forecast_sum (kind, area_code, product_line, currency, on_date, predictions, amount)
SELECT k.kind, p.area_code, p.product_line, p.currency,
       CASE k.kind WHEN 'P' THEN p.predicted_pay_date ELSE p.due_date END, count(*), sum(p.open_amount)
FROM invoice_prediction p
CROSS JOIN (VALUES ('P'), ('D')) AS k (kind)
GROUP BY 1, 2, 3, 4, 5;

-- Customers moved to another area since the predictions were written: emptied by the prediction run before it
-- reads the open invoices (and their customers' areas), written in the same transaction as the move.
CREATE TABLE cash_forecast_moved (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

CREATE FUNCTION cash_forecast_customer_moved() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO cash_forecast_moved (customer_id)
    SELECT n.id FROM touched_new n JOIN touched_old o ON o.id = n.id WHERE n.area_code IS DISTINCT FROM o.area_code;
    RETURN NULL;
END
$$;
CREATE TRIGGER customer_cash_forecast_upd AFTER UPDATE ON customer
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION cash_forecast_customer_moved();
