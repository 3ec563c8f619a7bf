package org.creditdesk.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * One column of the aging report: invoices {@code fromDays} to {@code toDays} days overdue
 * (both inclusive; {@code toDays} null = no upper end). Zero days overdue means not yet due.
 */
public record AgingBucket(
        String code, String label, int fromDays, @Nullable Integer toDays) {

    public AgingBucket {
        if (fromDays < 0) throw new IllegalArgumentException("fromDays must not be negative: " + fromDays);
        if (toDays != null && toDays < fromDays) {
            throw new IllegalArgumentException("bucket " + code + " ends before it starts");
        }
    }

    public boolean holds(int daysOverdue) {
        return daysOverdue >= fromDays && (toDays == null || daysOverdue <= toDays);
    }
}
