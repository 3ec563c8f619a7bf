-- Bank statements (issue 17): camt.052/053/054 and MT940 files, their booked entries, what each
-- entry became, and the unmatched queue (entries with outcome UNMATCHED). Owned by imports.

CREATE TABLE bank_statement (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- format family, account, statement id, sequence, from and to dates: the same statement in any file
    identity_key    TEXT NOT NULL UNIQUE,
    format          TEXT NOT NULL CHECK (format IN ('CAMT_052', 'CAMT_053', 'CAMT_054', 'MT940')),
    message_id      TEXT,
    statement_ref   TEXT NOT NULL,
    sequence_no     TEXT,
    account         TEXT NOT NULL,
    currency        CHAR(3),
    from_date       DATE,
    to_date         DATE,
    opening_balance NUMERIC(19, 2),
    closing_balance NUMERIC(19, 2),
    entries         INTEGER NOT NULL,
    imported_by     TEXT NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE bank_entry (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    statement_id   BIGINT NOT NULL REFERENCES bank_statement (id),
    -- account + the bank's entry reference, or a digest of the entry's content when the bank gives none:
    -- an entry seen again in an overlapping statement is a duplicate, not a second payment
    entry_key      TEXT NOT NULL UNIQUE,
    position       INTEGER NOT NULL,
    location       TEXT NOT NULL,
    booked_on      DATE NOT NULL,
    value_on       DATE,
    amount         NUMERIC(19, 2) NOT NULL CHECK (amount >= 0),
    currency       CHAR(3) NOT NULL,
    credit         BOOLEAN NOT NULL,
    reversal       BOOLEAN NOT NULL,
    returned       BOOLEAN NOT NULL,
    return_reason  TEXT,
    bank_code      TEXT NOT NULL,
    cheque         BOOLEAN NOT NULL,
    bank_reference TEXT,
    end_to_end_id  TEXT,
    cheque_no      TEXT,
    payer_name     TEXT,
    payer_account  TEXT,
    remittance     TEXT NOT NULL,
    invoice_refs   TEXT[] NOT NULL,
    charges        NUMERIC(19, 2) NOT NULL DEFAULT 0,
    outcome        TEXT NOT NULL CHECK (outcome IN
                       ('MATCHED', 'ON_ACCOUNT', 'UNMATCHED', 'ASSIGNED', 'RETURNED', 'RETURN_UNMATCHED', 'IGNORED')),
    payment_no     TEXT,
    customer_code  TEXT,
    note           TEXT,
    decided_by     TEXT,
    decided_at     TIMESTAMPTZ
);
CREATE INDEX bank_entry_statement_idx ON bank_entry (statement_id, position);
CREATE INDEX bank_entry_unmatched_idx ON bank_entry (booked_on, id) WHERE outcome = 'UNMATCHED';
CREATE INDEX bank_entry_payment_idx ON bank_entry (payment_no) WHERE payment_no IS NOT NULL;
CREATE INDEX bank_entry_end_to_end_idx ON bank_entry (end_to_end_id) WHERE end_to_end_id IS NOT NULL;

-- The company's tolerance: a payment short of the invoices it names by at most this settles them,
-- the difference written off by a credit note; more is a partial payment.
CREATE TABLE bank_matching_settings (
    id        SMALLINT PRIMARY KEY CHECK (id = 1),
    tolerance NUMERIC(19, 2) NOT NULL CHECK (tolerance >= 0)
);
INSERT INTO bank_matching_settings (id, tolerance) VALUES (1, 1.00);

-- Published by customers for the bank matching: account numbers as banks print them, normalised to
-- letters and digits, upper case (an IBAN also under its domestic account number's digits).
CREATE FUNCTION bank_account_key(account TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN upper(regexp_replace(account, '[^A-Za-z0-9]', '', 'g'));

CREATE INDEX customer_bank_account_key_idx ON customer_bank_account (bank_account_key(account_no));

CREATE FUNCTION customers_by_bank_account(keys TEXT[])
    RETURNS TABLE (account_key TEXT, customer_id BIGINT, customer_code TEXT)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT DISTINCT bank_account_key(b.account_no), c.id, c.code
        FROM customer_bank_account b JOIN customer c ON c.id = b.customer_id
        WHERE bank_account_key(b.account_no) = ANY (keys);
    END;

CREATE FUNCTION customers_by_code(codes TEXT[])
    RETURNS TABLE (customer_id BIGINT, customer_code TEXT, customer_name TEXT)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT c.id, c.code, c.name FROM customer c WHERE c.code = ANY (codes);
    END;

-- Candidates for an unmatched entry by the payer's name (trigram similarity on customer names).
CREATE FUNCTION customers_named_like(payer TEXT, how_many INTEGER)
    RETURNS TABLE (customer_id BIGINT, customer_code TEXT, customer_name TEXT, similarity REAL)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT c.id, c.code, c.name, similarity(lower(c.name), lower(payer))
        FROM customer c
        WHERE lower(c.name) % lower(payer)
        ORDER BY similarity(lower(c.name), lower(payer)) DESC, c.code
        LIMIT how_many;
    END;

-- Unmatched-queue candidates: open invoices of exactly the amount received.
CREATE INDEX invoice_open_amount_idx ON invoice (open_amount, currency) WHERE open_amount > 0;
