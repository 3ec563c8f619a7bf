-- Issue 14 target 3, session 12: a scoring run's 100,000 history rows go in at the end of one index instead of
-- into the middle of two.
--
-- score_history had its key by customer (customer_id, as_of) and a second index by date (as_of, risk_class). A run
-- copies in one new date for every customer: in the key each row lands beside the same customer's older dates, so
-- the COPY touched every leaf page of the key, and it kept a second index that nothing reads by class. At 100,000
-- customers the COPY of one run cost 1.55-1.90 CPU s with both and 1.26-1.71 with this key alone (means 1.72 and
-- 1.40 in five alternated pairs, one backend, rolled back; session 12, docs/performance.md "Session 12: scoring").
-- Keyed by date first, a run's rows are appended at the key's right end in customer order, and the key serves every
-- read: a date's rows (the run's delete on a rerun, the current scores) by its leading column, a customer's newest
-- scores (the score page, newest 36) by a backward skip scan of the key that descends once per date returned.
ALTER TABLE score_history DROP CONSTRAINT score_history_pkey;
ALTER TABLE score_history ADD PRIMARY KEY (as_of, customer_id);
DROP INDEX score_history_as_of_idx;
