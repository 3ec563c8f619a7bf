package org.creditdesk.ledger;

import org.creditdesk.shared.Money;

/** A released or blocked order was cancelled; it no longer counts in exposure. */
public record OrderCancelled(long orderId, String orderNo, long customerId, Money amount, OrderStatus previousStatus) {}
