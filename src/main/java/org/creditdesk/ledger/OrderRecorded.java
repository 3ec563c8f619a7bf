package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;

/** A sales order was recorded with this status. */
public record OrderRecorded(
        long orderId, String orderNo, long customerId, Money amount, LocalDate orderDate, OrderStatus status) {}
