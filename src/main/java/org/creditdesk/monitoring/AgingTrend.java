package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Aging at each month end (the last point is the as-of date itself) in one currency, per bucket code:
 * {@code amounts.get(code).get(i)} is what was open in that bucket on {@code dates.get(i)}.
 */
public record AgingTrend(
        String currency, List<AgingBucket> buckets, List<LocalDate> dates, Map<String, List<BigDecimal>> amounts) {

    public AgingTrend {
        buckets = List.copyOf(buckets);
        dates = List.copyOf(dates);
        amounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(amounts));
    }
}
