package org.creditdesk.ledger;

import org.creditdesk.shared.Money;

/** An order's amount changed, and with it possibly its status (an increase is checked again). */
public record OrderAmended(
        long orderId,
        String orderNo,
        long customerId,
        Money before,
        OrderStatus statusBefore,
        Money after,
        OrderStatus statusAfter) {}
