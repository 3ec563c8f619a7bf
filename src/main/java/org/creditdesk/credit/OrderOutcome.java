package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.ledger.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * The answer to an order (API.md {@code POST /orders}): its status, why it was blocked, and the
 * customer's exposure with it (a released order counts), the usable line and what is left of it.
 * Limit and available are null when there is no line (or the figures could not be converted).
 */
public record OrderOutcome(
        String orderNo,
        OrderStatus status,
        List<Reason> reasons,
        @Nullable BigDecimal exposure,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal available) {

    public OrderOutcome {
        reasons = List.copyOf(reasons);
    }
}
