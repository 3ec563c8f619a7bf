-- Session 12: one statement settles open items, whoever settles them.
--
-- A recorded payment, a credit note and a bank statement's bookings (InvoiceRepository) and the payments import
-- (LedgerBulkRepository) each carried a copy of the same three writes: an invoice settled in full leaves open_item for
-- paid_item with the day of its newest settlement (scoring and the payment prediction read it there), one settled in
-- part keeps its open item with the lower amount and the later settlement day. They are this function now. The callers
-- lock the open items first (in id order, FOR UPDATE) and plan within what they found open; the import checks in front
-- of it that the open amounts are still the ones it allocated from.
--
-- Repeated ids are summed. In id order (the tables' physical order, near enough): a statement's 100,000 invoices are
-- visited page after page instead of in hash order. Answers how many of the ids had no open item (0 unless a caller
-- settles what it did not lock as open); settling more than an item's open amount breaks open_item's CHECK
-- (open_amount > 0), so nothing is written.
CREATE FUNCTION settle_open_items(p_ids BIGINT[], p_amounts NUMERIC[], p_dates DATE[])
    RETURNS BIGINT
    LANGUAGE sql VOLATILE AS
$$
WITH s AS MATERIALIZED (
    SELECT id, sum(amount) AS amount, max(settled_on) AS last_on
    FROM unnest(p_ids, p_amounts, p_dates) AS t (id, amount, settled_on)
    GROUP BY id
    ORDER BY id
), paid AS (
    DELETE FROM open_item o
    USING s
    WHERE o.id = s.id AND o.open_amount = s.amount
    RETURNING o.id, o.customer_id, o.issue_date, o.due_date, o.currency, o.amount,
              greatest(o.last_allocated_on, s.last_on) AS last_allocated_on
), part AS (
    UPDATE open_item o
    SET open_amount = o.open_amount - s.amount,
        last_allocated_on = greatest(o.last_allocated_on, s.last_on)
    FROM s
    WHERE o.id = s.id AND o.open_amount <> s.amount
    RETURNING o.id
), stored AS (
    INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount, last_allocated_on)
    SELECT id, customer_id, issue_date, due_date, currency, amount, last_allocated_on FROM paid ORDER BY id
)
SELECT (SELECT count(*) FROM s) - (SELECT count(*) FROM paid) - (SELECT count(*) FROM part)
$$;
