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

    /** The same movements in the newest {@code months} buckets: everything older falls into bucket 0. */
    NodeActuals narrow(int months) {
        int drop = net.length - 1 - months;
        if (drop == 0) return this;
        BigDecimal[] n = new BigDecimal[months + 1];
        BigDecimal[] s = new BigDecimal[months + 1];
        BigDecimal before = BigDecimal.ZERO;
        for (int k = 0; k <= drop; k++) before = before.add(net[k]);
        n[0] = before;
        s[0] = BigDecimal.ZERO;
        for (int j = 1; j <= months; j++) {
            n[j] = net[j + drop];
            s[j] = sales[j + drop];
        }
        return new NodeActuals(productLine, area, customerCode, customerName, n, s);
    }

    /** This node's movements and another's of the same window, bucket by bucket, under this node's names. */
    NodeActuals plus(NodeActuals other) {
        BigDecimal[] n = new BigDecimal[net.length];
        BigDecimal[] s = new BigDecimal[sales.length];
        for (int j = 0; j < net.length; j++) {
            n[j] = net[j].add(other.net[j]);
            s[j] = sales[j].add(other.sales[j]);
        }
        return new NodeActuals(productLine, area, customerCode, customerName, n, s);
    }
}
