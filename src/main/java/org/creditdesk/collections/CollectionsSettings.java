package org.creditdesk.collections;

import java.math.BigDecimal;

/** Company settings of collections (V51 collections_settings). */
public record CollectionsSettings(
        BigDecimal chainThreshold,
        int stallDays,
        int serviceDueBusinessDays,
        int newOverdueDays,
        int brokenPromiseDays) {

    public CollectionsSettings {
        if (chainThreshold.signum() < 0) throw new IllegalArgumentException("chainThreshold must be 0 or more");
        if (stallDays < 1 || serviceDueBusinessDays < 1 || newOverdueDays < 1 || brokenPromiseDays < 1) {
            throw new IllegalArgumentException("day counts must be at least 1");
        }
    }

    /** Whether an invoice of this amount follows the customer's approval chain. */
    public boolean needsChain(BigDecimal invoiceAmount) {
        return invoiceAmount.compareTo(chainThreshold) >= 0;
    }
}
