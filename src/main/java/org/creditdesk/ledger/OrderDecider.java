package org.creditdesk.ledger;

import org.creditdesk.customers.CustomerRef;
import org.jspecify.annotations.Nullable;

/**
 * Decides the status an order is recorded with. The ledger asks after it has validated the order
 * and found it new (or found the stored order it amends), inside the recording transaction, so the
 * decider may lock what it needs and the decision and the record commit together. The credit
 * module's check is the decider of {@code POST /orders}.
 */
@FunctionalInterface
public interface OrderDecider {

    /** Records orders as released, without a credit decision (history the ERP already released). */
    OrderDecider ALWAYS_RELEASE = (customer, proposed, current) -> OrderStatus.RELEASED;

    /**
     * @param proposed the order as it will be stored (its status is a placeholder)
     * @param current the stored order when an existing one is amended, else null
     */
    OrderStatus decide(CustomerRef customer, Order proposed, @Nullable Order current);
}
