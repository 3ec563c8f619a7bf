package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.creditdesk.ledger.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * An order as the credit module decided it, with the figures the decision saw (in
 * {@code figuresCurrency}) and who resolved it if it was blocked. The blocked-order queue lists these.
 */
public record CreditOrder(
        String orderNo,
        String customerCode,
        String area,
        LocalDate orderDate,
        BigDecimal amount,
        String currency,
        @Nullable String contractNo,
        OrderStatus status,
        List<Reason> reasons,
        String figuresCurrency,
        @Nullable BigDecimal openReceivables,
        @Nullable BigDecimal releasedOrders,
        @Nullable BigDecimal unclearedCheques,
        @Nullable BigDecimal unappliedCredit,
        @Nullable BigDecimal exposure,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal available,
        long decisionSeq,
        OffsetDateTime decidedAt,
        String decidedBy,
        @Nullable String resolvedBy,
        @Nullable OffsetDateTime resolvedAt,
        @Nullable String resolutionNote) {

    public CreditOrder {
        reasons = List.copyOf(reasons);
    }

    /** The answer of {@code POST /orders} for this order. */
    public OrderOutcome outcome() {
        return new OrderOutcome(orderNo, status, reasons, exposure, creditLimit, available);
    }
}
