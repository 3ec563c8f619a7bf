package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Aging at each month end (the last point is the as-of date itself) in one currency, per bucket code:
 * {@code amounts.get(code).get(i)} is what was open in that bucket on {@code dates.get(i)}. A month end
 * read from a snapshot is dated by the snapshot (the month's last run date); {@code computedLive} lists
 * the points that had no snapshot and were rebuilt from the ledger.
 */
public record AgingTrend(
        String currency,
        List<AgingBucket> buckets,
        List<LocalDate> dates,
        Map<String, List<BigDecimal>> amounts,
        List<LocalDate> computedLive) {

    public AgingTrend {
        buckets = List.copyOf(buckets);
        dates = List.copyOf(dates);
        amounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(amounts));
        computedLive = List.copyOf(computedLive);
    }
}
