-- Issue 14 target 3, session 8: the scoring run reads fewer invoices.
--
-- An invoice paid in full (open_amount = 0; at 100,000 customers 2.3 M of the 2.8 M invoices a run looks at) no longer
-- changes, and what it adds to a customer's behaviour factors as of a date depends only on where its due and issue
-- dates fall against that date's windows (12 and 3 months by due date, 6 and 12 months by issue date). The run keeps
-- those sums per customer and currency for the date it last scored (score_closed), and moves them to a new date by
-- adding the difference of the few paid invoices whose due or issue date lies between the two dates' window edges.
-- The customers whose paid invoices changed since (a payment closed one, a reversal reopened one: the statement
-- triggers below log them) are recomputed from their invoices. The factor statement then sums the kept rows and the
-- open invoices (ScoreRepository, InvoiceState.STORED); customers logged after the rows were kept are read live in
-- the same statement, so it answers exactly what reading every invoice answers. See docs/risk-model.md.

-- The date the kept sums are for (NULL: not built; the next full run of today's ledger builds them).
CREATE TABLE score_closed_state (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    as_of    DATE,
    built_at TIMESTAMPTZ
);
INSERT INTO score_closed_state (id) VALUES (1);

-- The paid invoices' part of ScoreRepository's per_currency sums as of score_closed_state.as_of. No foreign keys:
-- rebuilt in bulk. A row whose invoices all left the windows stays with zeros (read as "no invoice").
CREATE TABLE score_closed (
    customer_id           BIGINT NOT NULL,
    currency              CHAR(3) NOT NULL,
    weighted_days_late    NUMERIC NOT NULL,
    amount_due            NUMERIC NOT NULL,
    weighted_days_late_3m NUMERIC NOT NULL,
    amount_due_3m         NUMERIC NOT NULL,
    invoices_due          BIGINT NOT NULL,
    invoices_late         BIGINT NOT NULL,
    sales_recent          NUMERIC NOT NULL,
    sales_before          NUMERIC NOT NULL,
    PRIMARY KEY (customer_id, currency)
);

-- Customers with a paid invoice (before or after the change) written since the sums were kept, in the same
-- transaction as the change; emptied by the run that moves the sums. Not unique on purpose.
CREATE TABLE score_closed_touched (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL
);

-- Only paid rows matter: a partial payment of an open invoice logs nothing (open invoices are read live).
CREATE FUNCTION score_closed_touch() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO score_closed_touched (customer_id)
        SELECT DISTINCT customer_id FROM touched_new WHERE open_amount = 0;
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO score_closed_touched (customer_id)
        SELECT customer_id FROM touched_new WHERE open_amount = 0
        UNION
        SELECT customer_id FROM touched_old WHERE open_amount = 0;
    ELSE
        INSERT INTO score_closed_touched (customer_id)
        SELECT DISTINCT customer_id FROM touched_old WHERE open_amount = 0;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER invoice_score_closed_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
    FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();
CREATE TRIGGER invoice_score_closed_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();
CREATE TRIGGER invoice_score_closed_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();

-- Moving the sums to another date reads the paid invoices whose due date lies between the two dates' window edges
-- (a few days' worth each): no index led by the due date covered paid invoices (invoice_open_due_idx holds only
-- open ones; invoice_customer_due_idx is led by the customer, so a date range scans all of it). Partial: an invoice
-- enters it when it is paid, and a payment that leaves an invoice open does not write it.
CREATE INDEX invoice_paid_due_idx ON invoice (due_date) WHERE open_amount = 0;
