package org.creditdesk.ledger;

import org.creditdesk.shared.Money;

/** A decision moved an order from one status to another (a blocked order released or rejected). */
public record OrderStatusChanged(
        long orderId, String orderNo, long customerId, Money amount, OrderStatus from, OrderStatus to) {}
