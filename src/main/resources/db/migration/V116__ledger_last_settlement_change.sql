-- ledger's data, published: the newest date on which a settlement took effect or was reversed (NULL: none yet).
-- On or after that date the invoices' own open amounts and newest allocation dates are the ledger as of the date,
-- so today's aging, the scoring and the payment prediction read them instead of replaying every allocation.
-- Monitoring, risk and collections each asked this with their own copy of the statement; it is the ledger's fact.
-- Each max() is the last entry of an index (allocation_allocated_on_covering_idx, allocation_reversed_on_idx) in
-- any plan: NOT EXISTS (... > date) had become a scan of every allocation in a connection's generic plan.
CREATE FUNCTION ledger_last_settlement_change() RETURNS DATE
    LANGUAGE sql STABLE AS
$$
SELECT greatest((SELECT max(allocated_on) FROM allocation), (SELECT max(reversed_on) FROM allocation))
$$;
