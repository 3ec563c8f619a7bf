package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The configured aging buckets, ordered and without gaps: the first starts at 0 days overdue (not yet
 * due), each next one starts the day after the previous ends, and only the last is open-ended. So
 * every invoice falls into exactly one bucket.
 */
public record AgingBuckets(List<AgingBucket> buckets) {

    public AgingBuckets {
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty()) throw new IllegalArgumentException("at least one aging bucket is needed");
        int expectedFrom = 0;
        for (int i = 0; i < buckets.size(); i++) {
            AgingBucket bucket = buckets.get(i);
            if (bucket.fromDays() != expectedFrom) {
                throw new IllegalArgumentException(
                        "bucket " + bucket.code() + " must start at " + expectedFrom + " days overdue");
            }
            boolean last = i == buckets.size() - 1;
            if (last != (bucket.toDays() == null)) {
                throw new IllegalArgumentException("only the last bucket is open-ended");
            }
            expectedFrom = last ? expectedFrom : bucket.toDays() + 1;
        }
    }

    /** Days past due on {@code asOf}; an invoice due on {@code asOf} or later is 0 (not overdue). */
    public static int daysOverdue(LocalDate dueDate, LocalDate asOf) {
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }

    public AgingBucket bucketFor(int daysOverdue) {
        int days = Math.max(0, daysOverdue);
        return buckets.stream()
                .filter(b -> b.holds(days))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("buckets leave a gap at " + days));
    }

    public AgingBucket bucketFor(LocalDate dueDate, LocalDate asOf) {
        return bucketFor(daysOverdue(dueDate, asOf));
    }

    public List<String> codes() {
        return buckets.stream().map(AgingBucket::code).toList();
    }
}
