package org.creditdesk.customers;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a customer stands on a date, in the customer's currency. Credit limits, holds, escalation
 * and scores belong to modules that do not exist yet; until they report, the status says so with
 * nulls and neutral values rather than invented figures.
 */
public record CustomerStatus(
        CreditState creditState,
        List<String> holdReasons,
        int escalationLevel,
        int maxDaysOverdue,
        BigDecimal overdueAmount,
        BigDecimal openReceivables,
        BigDecimal exposure,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal available,
        @Nullable String riskClass,
        @Nullable BigDecimal score,
        List<BlockingReason> blockingReasons) {

    public CustomerStatus {
        holdReasons = List.copyOf(holdReasons);
        blockingReasons = List.copyOf(blockingReasons);
    }

    /**
     * Exposure is what the customer owes or has been allowed to order: open receivables plus
     * released orders, less cash received but not yet applied. It is not floored at zero: a customer
     * who paid in advance has negative exposure, and hiding that would misstate the headroom.
     */
    /** The status with the credit module's standing: its state, holds and exposure against the limit. */
    static CustomerStatus of(ReceivablesSummary receivables, CreditStanding credit) {
        return of(receivables, credit, 0, null);
    }

    /** ...plus the escalation level (monitoring) and the latest score (risk). */
    static CustomerStatus of(
            ReceivablesSummary receivables, CreditStanding credit, int escalationLevel, @Nullable BigDecimal score) {
        return new CustomerStatus(
                credit.creditState(),
                credit.holdReasons(),
                escalationLevel,
                receivables.maxDaysOverdue(),
                receivables.overdueAmount(),
                receivables.openReceivables(),
                credit.exposure() != null ? credit.exposure() : of(receivables).exposure(),
                credit.creditLimit(),
                credit.available(),
                credit.riskClass(),
                score,
                credit.blockingReasons());
    }

    static CustomerStatus of(ReceivablesSummary receivables) {
        BigDecimal exposure =
                receivables.openReceivables().add(receivables.releasedOrders()).subtract(receivables.unappliedCash());
        return new CustomerStatus(
                CreditState.ACTIVE,
                List.of(),
                0,
                receivables.maxDaysOverdue(),
                receivables.overdueAmount(),
                receivables.openReceivables(),
                exposure,
                null,
                null,
                null,
                null,
                List.of());
    }
}
