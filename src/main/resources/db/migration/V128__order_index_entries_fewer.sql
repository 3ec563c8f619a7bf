-- Order entry (issue 14, session 9): two index entries fewer per new order, neither read by anyone.
--
-- credit_order_customer_idx (customer_id, decided_at), from V20: no statement reads credit_order by customer
-- (CreditOrderRepository filters by order number or by status; the appraisal's released_blocked_order view by
-- status and resolution; customers are never deleted, so the foreign key never searches by it). Every decision
-- wrote an entry into it.
DROP INDEX credit_order_customer_idx;

-- erp_event's unique id (V142) is NULL until a reader numbers the event; every new event wrote a NULL entry into
-- the unique index that no look-up by id can find. The same uniqueness over the numbered events only: the feed's
-- `id > :after ORDER BY id` and `max(id)` read it as before (their conditions imply id IS NOT NULL).
ALTER TABLE erp_event DROP CONSTRAINT erp_event_id_key;
CREATE UNIQUE INDEX erp_event_id_key ON erp_event (id) WHERE id IS NOT NULL;
