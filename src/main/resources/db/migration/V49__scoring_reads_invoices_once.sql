-- The scoring run as of today reads every invoice once instead of re-deriving each invoice's payment
-- state from all allocations: the ledger keeps, next to open_amount, the date of the invoice's newest
-- allocation that is not reversed. A fully settled invoice (open_amount = 0) was paid on that date.
-- Dates in the past still come from the allocations themselves (ScoreRepository), so this column is
-- only trusted when no allocation was made or reversed after the date scored; the two indexes below
-- answer that question without a scan.
ALTER TABLE invoice ADD COLUMN last_allocated_on date;

UPDATE invoice i
SET last_allocated_on = a.last_on
FROM (SELECT invoice_id, max(allocated_on) AS last_on
      FROM allocation
      WHERE reversed_on IS NULL
      GROUP BY invoice_id) a
WHERE i.id = a.invoice_id;

CREATE INDEX allocation_allocated_on_idx ON allocation (allocated_on);
CREATE INDEX allocation_reversed_on_idx ON allocation (reversed_on) WHERE reversed_on IS NOT NULL;

-- Released orders are a few among millions that were invoiced long ago; exposure counts them per customer.
CREATE INDEX sales_order_released_idx ON sales_order (customer_id, order_date) WHERE status = 'RELEASED';

-- A run writes one history row per customer and date. With every factor's band label and name as
-- JSON, writing cost more than computing; the card (scorecard_id) already names the factors, their
-- order and the bands, so each row keeps only the factors' values and points in the card's order.
ALTER TABLE score_history ADD COLUMN factor_values NUMERIC[], ADD COLUMN factor_points NUMERIC[];
UPDATE score_history
SET factor_values = ARRAY(SELECT CAST(f.e ->> 'value' AS numeric)
                          FROM jsonb_array_elements(factors) WITH ORDINALITY AS f (e, n) ORDER BY f.n),
    factor_points = ARRAY(SELECT CAST(f.e ->> 'points' AS numeric)
                          FROM jsonb_array_elements(factors) WITH ORDINALITY AS f (e, n) ORDER BY f.n);
ALTER TABLE score_history
    ALTER COLUMN factor_values SET NOT NULL,
    ALTER COLUMN factor_points SET NOT NULL,
    DROP COLUMN factors;

-- The run writes only ids it read from customer and scorecard in the same transaction, and neither
-- table ever loses a row; checking two foreign keys per row doubled the time to write a run.
ALTER TABLE score_history
    DROP CONSTRAINT score_history_customer_id_fkey,
    DROP CONSTRAINT score_history_scorecard_id_fkey;
