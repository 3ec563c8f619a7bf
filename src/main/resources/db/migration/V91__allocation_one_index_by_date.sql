-- ledger's data: allocation had two indexes on the same key, allocated_on: V49's plain one (for "was anything allocated
-- after the date?") and V73's covering one, which also holds the columns the appraisal KPIs, the scoring's and the
-- prediction's range reads need (index-only scans). Every settlement wrote both. Every reader of the plain one reads the
-- covering one as well; the only plan that changed (EXPLAIN on the 100,000-customer portfolio) is
-- ledger_last_settlement_change()'s max(allocated_on), still the last entry of an index (an index-only scan backward,
-- one entry). The bank statement import writes some 95,000 allocations per 100,000 entries, a payments file as many.
DROP INDEX IF EXISTS allocation_allocated_on_idx;
