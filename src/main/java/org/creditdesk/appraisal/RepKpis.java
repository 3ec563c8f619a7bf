package org.creditdesk.appraisal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger says about one sales rep's customers in a period, as the book stood at the period's end
 * (or at the as-of date when that is earlier). Invoices count for the rep the customer had on the invoice's
 * issue date. Amounts are in the company's base currency (other currencies at the newest stored rate on or
 * before the period's end); shares are fractions 0..1, null when there is
 * nothing to divide by.
 */
public record RepKpis(
        String salesRep,
        String name,
        @Nullable String area,
        BigDecimal invoiced,
        BigDecimal collected,
        BigDecimal collectedOnTime,
        @Nullable BigDecimal collectedOnTimeShare,
        BigDecimal openAtEnd,
        BigDecimal overdueAmount,
        @Nullable BigDecimal overdueShare,
        BigDecimal dso,
        BigDecimal writtenOff,
        int brokenPromises,
        int bouncedChequeStops,
        int releasedOrdersLater60Overdue) {

    int incidents() {
        return brokenPromises + bouncedChequeStops + releasedOrdersLater60Overdue;
    }
}
