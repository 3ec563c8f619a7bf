package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The portfolio a user sees today, in the company's currency: customers, exposure against their
 * limits, what is overdue, the ladder and the risk classes.
 */
record PortfolioFigures(
        String currency,
        int customers,
        BigDecimal exposure,
        BigDecimal limits,
        int withoutLimit,
        int overLimit,
        BigDecimal openReceivables,
        BigDecimal overdue,
        int overdueCustomers,
        int onHold,
        int stopped,
        Map<Integer, Integer> byLevel,
        Map<String, Integer> byRiskClass) {

    static final List<Integer> LEVELS = List.of(1, 2, 3, 4);
    static final List<String> CLASSES = List.of("A", "B", "C", "D", "E");

    /** Overdue receivables over all open receivables; zero when nothing is open. */
    public BigDecimal overdueShare() {
        return share(overdue, openReceivables);
    }

    /** Exposure over the approved limits. */
    public BigDecimal utilisation() {
        return share(exposure, limits);
    }

    public BigDecimal overdueCustomerShare() {
        return share(BigDecimal.valueOf(overdueCustomers), BigDecimal.valueOf(customers));
    }

    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? BigDecimal.ZERO : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
