-- Order entry (issue 14, session 9): one index entry fewer per decision.
--
-- credit_order_customer_idx (customer_id, decided_at), from V20, has no reader: CreditOrderRepository reads
-- credit_order by order number or by status (credit_order_status_idx), the appraisal's released_blocked_order view
-- by status and resolution, and customers are never deleted, so the foreign key never searches by it. Every
-- decision wrote an entry into it. (Fresh installs run this before the later migrations, existing ones after
-- them: nothing after V20 uses the index.)
DROP INDEX credit_order_customer_idx;
