package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /reports/aging}: rows per group and currency, and the totals per currency; {@code source}
 * says whether the figures come from the daily run's snapshot of the date or were computed live.
 */
public record AgingReport(
        LocalDate asOf,
        String groupBy,
        List<AgingBucket> buckets,
        List<AgingRow> rows,
        List<AgingRow> totals,
        Source source) {

    public enum Source {
        SNAPSHOT,
        /** Today's daily run's stored aging with the customers changed since recomputed: equal to LIVE. */
        STORED_TODAY,
        LIVE
    }

    public AgingReport {
        buckets = List.copyOf(buckets);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
