package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A sales order as recorded. */
public record Order(
        String orderNo,
        String customerCode,
        LocalDate orderDate,
        BigDecimal amount,
        String currency,
        @Nullable String productLine,
        @Nullable String contractNo,
        OrderStatus status) {

    /** The same order with another status. */
    public Order withStatus(OrderStatus newStatus) {
        return new Order(orderNo, customerCode, orderDate, amount, currency, productLine, contractNo, newStatus);
    }
}
