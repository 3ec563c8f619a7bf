-- Linked parties: every customer's normalised people, phones, addresses, bank accounts and e-mail
-- domains. Two customers are linked when they share a key; the lookup for one customer is an index
-- range per key on (attribute, value), never a scan.

CREATE TABLE party_key (
    customer_id BIGINT NOT NULL REFERENCES customer (id),
    attribute   TEXT NOT NULL CHECK (attribute IN ('PERSON', 'PHONE', 'ADDRESS', 'BANK_ACCOUNT', 'EMAIL_DOMAIN')),
    value       TEXT NOT NULL,
    PRIMARY KEY (customer_id, attribute, value)
);
-- customer_id last so that the lookup reads the other customers from the index alone.
CREATE INDEX party_key_value_idx ON party_key (attribute, value, customer_id);

-- A credit manager's decision that a link to a stopped or legal customer does not block this one.
CREATE TABLE link_clearance (
    customer_id        BIGINT NOT NULL REFERENCES customer (id),
    linked_customer_id BIGINT NOT NULL REFERENCES customer (id),
    reason             TEXT NOT NULL,
    cleared_by         TEXT NOT NULL,
    cleared_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (customer_id, linked_customer_id)
);
