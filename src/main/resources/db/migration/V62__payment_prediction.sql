-- Payment prediction (issue 10): a predicted pay date and the probability of paying late for every open
-- invoice, from the adopted fitted model or, until one is adopted, the customer's recent average days late.

-- A model fitted on the company's own paid history; one ADOPTED at a time (adoption is audited).
CREATE TABLE payment_model (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fitted_as_of      DATE NOT NULL,
    fitted_by         TEXT NOT NULL,
    fitted_at         TIMESTAMPTZ NOT NULL,
    features          TEXT[] NOT NULL,
    -- features are standardised (x - mean) / scale before the coefficients apply
    means             DOUBLE PRECISION[] NOT NULL,
    scales            DOUBLE PRECISION[] NOT NULL,
    late_intercept    DOUBLE PRECISION NOT NULL,
    late_coefficients DOUBLE PRECISION[] NOT NULL,
    days_intercept    DOUBLE PRECISION NOT NULL,
    days_coefficients DOUBLE PRECISION[] NOT NULL,
    -- move the predicted date to the customer's usual day of the month when it pays on fixed days
    snap_to_pay_day   BOOLEAN NOT NULL,
    -- the out-of-time quality report against the naive baseline
    report            JSONB NOT NULL,
    status            TEXT NOT NULL DEFAULT 'FITTED' CHECK (status IN ('FITTED', 'ADOPTED', 'RETIRED')),
    adopted_by        TEXT,
    adopted_at        TIMESTAMPTZ
);
CREATE UNIQUE INDEX payment_model_adopted_idx ON payment_model (status) WHERE status = 'ADOPTED';

-- The newest prediction of each invoice open as of the run's date; replaced by each prediction run.
CREATE TABLE invoice_prediction (
    invoice_id         BIGINT PRIMARY KEY REFERENCES invoice (id),
    customer_id        BIGINT NOT NULL REFERENCES customer (id),
    as_of              DATE NOT NULL,
    due_date           DATE NOT NULL,
    open_amount        NUMERIC(19, 2) NOT NULL,
    currency           CHAR(3) NOT NULL,
    predicted_pay_date DATE NOT NULL,
    late_probability   NUMERIC(5, 4) NOT NULL CHECK (late_probability BETWEEN 0 AND 1),
    -- NULL: the baseline (the customer's recent average days late)
    model_id           BIGINT REFERENCES payment_model (id)
);
CREATE INDEX invoice_prediction_customer_idx ON invoice_prediction (customer_id, predicted_pay_date);

-- Published for other modules (ledger's open items, the collections worklist, reporting).
CREATE FUNCTION invoice_payment_predictions()
    RETURNS TABLE (invoice_id BIGINT, customer_id BIGINT, predicted_pay_date DATE, late_probability NUMERIC,
                   predicted_as_of DATE)
    LANGUAGE sql STABLE AS $$
    SELECT p.invoice_id, p.customer_id, p.predicted_pay_date, p.late_probability, p.as_of FROM invoice_prediction p
$$;

-- Each customer's next predicted payment on or after the date: the earliest predicted pay date of its
-- open invoices and the amount expected that day.
CREATE FUNCTION customer_predicted_payments(p_as_of DATE)
    RETURNS TABLE (customer_id BIGINT, predicted_pay_date DATE, amount NUMERIC)
    LANGUAGE sql STABLE AS $$
    SELECT DISTINCT ON (p.customer_id) p.customer_id, p.predicted_pay_date,
           sum(p.open_amount) OVER (PARTITION BY p.customer_id, p.predicted_pay_date)
      FROM invoice_prediction p
     WHERE p.predicted_pay_date >= p_as_of
     ORDER BY p.customer_id, p.predicted_pay_date
$$;
