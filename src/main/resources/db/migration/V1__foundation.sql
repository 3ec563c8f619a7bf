-- Foundation schema: company, identity, customer master, receivables ledger.
-- Money is NUMERIC(19,2) (API.md: at most the currency's decimals, 2 for CNY/USD/EUR).
-- Every large table carries customer_id so the database can be sharded by customer.

CREATE TABLE company_settings (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    name          TEXT NOT NULL,
    base_currency CHAR(3) NOT NULL,
    time_zone     TEXT NOT NULL
);
INSERT INTO company_settings (id, name, base_currency, time_zone) VALUES (1, 'CreditDesk', 'CNY', 'Asia/Shanghai');

-- Identity -------------------------------------------------------------------------------------

CREATE TABLE area (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE product_line (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE app_user (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    email         TEXT,
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE user_role (
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('ADMIN', 'GENERAL_MANAGER', 'CREDIT_MANAGER', 'CREDIT_SUPERVISOR', 'FINANCE',
                                          'COLLECTOR', 'SALES_MANAGER', 'SALES_REP', 'LEGAL', 'AUDITOR')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_area (
    user_id   BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    area_code TEXT NOT NULL REFERENCES area (code),
    PRIMARY KEY (user_id, area_code)
);

-- Customer master ------------------------------------------------------------------------------

CREATE TABLE sales_rep (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    area_code TEXT REFERENCES area (code)
);

CREATE TABLE customer (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    registration_no   TEXT,
    established_on    DATE,
    area_code         TEXT NOT NULL REFERENCES area (code),
    business_group    TEXT NOT NULL CHECK (business_group IN ('VOLUME', 'VALUE_ADDED')),
    sales_rep         TEXT REFERENCES sales_rep (code),
    payment_term_days INTEGER NOT NULL CHECK (payment_term_days BETWEEN 0 AND 3650),
    currency          CHAR(3) NOT NULL,
    address           TEXT,
    email             TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_area_idx ON customer (area_code);
CREATE INDEX customer_name_idx ON customer (lower(name) text_pattern_ops);

CREATE TABLE customer_phone (
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position    SMALLINT NOT NULL,
    phone       TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_bank_account (
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position    SMALLINT NOT NULL,
    account_no  TEXT NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_person (
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    position    SMALLINT NOT NULL,
    name        TEXT NOT NULL,
    id_no       TEXT,
    role        TEXT NOT NULL CHECK (role IN ('LEGAL_REPRESENTATIVE', 'DIRECTOR', 'SHAREHOLDER', 'GENERAL_MANAGER')),
    PRIMARY KEY (customer_id, position)
);

-- Receivables ledger ---------------------------------------------------------------------------

CREATE TABLE sales_order (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_no     TEXT NOT NULL UNIQUE,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    order_date   DATE NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency     CHAR(3) NOT NULL,
    product_line TEXT REFERENCES product_line (code),
    contract_no  TEXT,
    -- RELEASED counts in exposure until INVOICED or CANCELLED; BLOCKED waits for a decision.
    status       TEXT NOT NULL CHECK (status IN ('RELEASED', 'BLOCKED', 'REJECTED', 'INVOICED', 'CANCELLED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sales_order_customer_idx ON sales_order (customer_id, order_date);

CREATE TABLE invoice (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_no   TEXT NOT NULL UNIQUE,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    order_no     TEXT,
    issue_date   DATE NOT NULL,
    due_date     DATE NOT NULL CHECK (due_date >= issue_date),
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency     CHAR(3) NOT NULL,
    product_line TEXT REFERENCES product_line (code),
    -- Current open amount, kept with every allocation; history as of a date comes from allocation.
    open_amount  NUMERIC(19, 2) NOT NULL CHECK (open_amount >= 0 AND open_amount <= amount),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX invoice_customer_due_idx ON invoice (customer_id, due_date);
CREATE INDEX invoice_open_idx ON invoice (customer_id, due_date) WHERE open_amount > 0;

CREATE TABLE credit_note (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    credit_note_no  TEXT NOT NULL UNIQUE,
    customer_id     BIGINT NOT NULL REFERENCES customer (id),
    invoice_no      TEXT,
    issue_date      DATE NOT NULL,
    amount          NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3) NOT NULL,
    reason          TEXT NOT NULL,
    unapplied       NUMERIC(19, 2) NOT NULL CHECK (unapplied >= 0 AND unapplied <= amount),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX credit_note_customer_idx ON credit_note (customer_id, issue_date);

CREATE TABLE payment (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_no   TEXT NOT NULL UNIQUE,
    customer_id  BIGINT NOT NULL REFERENCES customer (id),
    received_on  DATE NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    currency     CHAR(3) NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('BANK_TRANSFER', 'CHEQUE', 'CASH', 'BANK_ACCEPTANCE')),
    cheque_no    TEXT,
    -- What is not allocated to invoices stays on account and reduces the customer's balance.
    unapplied    NUMERIC(19, 2) NOT NULL CHECK (unapplied >= 0 AND unapplied <= amount),
    status       TEXT NOT NULL DEFAULT 'RECEIVED' CHECK (status IN ('RECEIVED', 'BOUNCED')),
    bounced_on   DATE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_customer_idx ON payment (customer_id, received_on);

-- One settlement of (part of) an invoice by a payment or a credit note, effective on allocated_on.
-- A bounce does not delete it: it sets reversed_on, so history as of any date stays reconstructible.
CREATE TABLE allocation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id    BIGINT NOT NULL REFERENCES customer (id),
    invoice_id     BIGINT NOT NULL REFERENCES invoice (id),
    payment_id     BIGINT REFERENCES payment (id),
    credit_note_id BIGINT REFERENCES credit_note (id),
    amount         NUMERIC(19, 2) NOT NULL CHECK (amount > 0),
    allocated_on   DATE NOT NULL,
    reversed_on    DATE,
    CHECK ((payment_id IS NULL) <> (credit_note_id IS NULL))
);
CREATE INDEX allocation_invoice_idx ON allocation (invoice_id);
CREATE INDEX allocation_payment_idx ON allocation (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX allocation_customer_idx ON allocation (customer_id, allocated_on);

-- Imports --------------------------------------------------------------------------------------

CREATE TABLE import_run (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        TEXT NOT NULL,
    imported    INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    rows_read   INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
