package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a customer owed past due on a date: the overdue amount and the due date of its most overdue
 * open invoice (null when nothing is overdue). Built once, then evaluated against the ladder.
 */
public record OverdueSnapshot(
        LocalDate asOf, BigDecimal overdueAmount, @Nullable LocalDate oldestDueDate) {

    public OverdueSnapshot {
        if (oldestDueDate != null && !oldestDueDate.isBefore(asOf)) {
            throw new IllegalArgumentException("an overdue invoice is due before " + asOf + ": " + oldestDueDate);
        }
    }

    public static OverdueSnapshot clear(LocalDate asOf) {
        return new OverdueSnapshot(asOf, BigDecimal.ZERO, null);
    }

    public int maxDaysOverdue() {
        return oldestDueDate == null ? 0 : AgingBuckets.daysOverdue(oldestDueDate, asOf);
    }
}
