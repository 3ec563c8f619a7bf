package org.creditdesk.planning;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One node's ledger movements per month bucket (see {@link MonthWindow}), in the company currency:
 * {@code net[j]} what receivables grew by in bucket j (invoices less settlements plus reversed
 * settlements; net[0] the balance before the window) and {@code sales[j]} what was invoiced.
 */
record NodeActuals(
        String productLine,
        @Nullable String area,
        @Nullable String customerCode,
        @Nullable String customerName,
        BigDecimal[] net,
        BigDecimal[] sales) {

    String key() {
        return Nodes.key(productLine, area, customerCode);
    }

    /** Receivables at the end of each bucket. */
    BigDecimal[] receivables() {
        BigDecimal[] balances = new BigDecimal[net.length];
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < net.length; k++) {
            sum = sum.add(net[k]);
            balances[k] = sum;
        }
        return balances;
    }
}
