package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of the aging report: what one group owed as of the date, per bucket code (every bucket
 * present, zero when empty), in one currency: amounts in different currencies are never added up.
 *
 * @param key the group's code (area, product line, sales rep, customer code or business group);
 *     null for invoices without a product line or customers without a sales rep
 * @param name the customer's name when grouped by customer, else the key
 * @param disputed the part of the total under dispute on the date (shown apart; included in the total)
 */
public record AgingRow(
        @Nullable String key,
        @Nullable String name,
        String currency,
        Map<String, BigDecimal> amounts,
        BigDecimal total,
        BigDecimal disputed) {

    public AgingRow {
        amounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(amounts));
    }

    public AgingRow(
            @Nullable String key,
            @Nullable String name,
            String currency,
            Map<String, BigDecimal> amounts,
            BigDecimal total) {
        this(key, name, currency, amounts, total, new BigDecimal("0.00"));
    }
}
