package org.creditdesk.customers;

import java.math.BigDecimal;

/**
 * A customer's receivables as of a date, in the customer's currency: what is open, how much of it
 * is overdue, and the oldest overdue item's days. Supplied by the ledger through
 * {@link ReceivablesView}.
 */
public record ReceivablesSummary(
        BigDecimal openReceivables,
        BigDecimal overdueAmount,
        int maxDaysOverdue,
        BigDecimal releasedOrders,
        BigDecimal unappliedCash) {

    public static final ReceivablesSummary NONE =
            new ReceivablesSummary(BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO);
}
