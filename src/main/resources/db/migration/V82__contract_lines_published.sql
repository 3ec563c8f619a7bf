-- Value-added business is steered by contract, each contract with its own credit line (credit's
-- credit_limit rows with a contract_no). Published here for planning, which shows every contract's open
-- amount against its line: the current line of each contract (valid on p_as_of or not, with its
-- dates) and the open amount today of the invoices whose order carries that contract number.
CREATE FUNCTION contract_lines_with_open(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, contract_no TEXT, credit_line NUMERIC, currency TEXT, valid_until DATE,
                   in_force BOOLEAN, open_amount NUMERIC)
    LANGUAGE sql STABLE AS
$$
WITH lines AS (SELECT l.customer_id, l.contract_no, l.amount, l.currency, l.valid_from, l.valid_until
               FROM credit_limit l
               WHERE l.superseded_at IS NULL AND l.contract_no IS NOT NULL),
     open AS (SELECT i.customer_id, o.contract_no, i.currency, sum(i.open_amount) AS amount
              FROM invoice i
              JOIN sales_order o ON o.order_no = i.order_no AND o.customer_id = i.customer_id
              WHERE i.open_amount > 0 AND o.contract_no IS NOT NULL
              GROUP BY i.customer_id, o.contract_no, i.currency)
SELECT l.customer_id, l.contract_no, l.amount, CAST(l.currency AS TEXT), l.valid_until,
       p_as_of BETWEEN l.valid_from AND l.valid_until,
       coalesce((SELECT sum(o.amount) FROM open o
                 WHERE o.customer_id = l.customer_id AND o.contract_no = l.contract_no AND o.currency = l.currency), 0)
FROM lines l
$$;
