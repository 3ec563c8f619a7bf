package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's usual day of the month for paying: the day (1-31) with most payments within a day either
 * side, and the share of recent payments that fell there. Customers with a monthly payment run show a
 * high concentration.
 */
record PayDay(int day, double concentration, int payments) {

    static PayDay of(List<PaidInvoice> history) {
        if (history.isEmpty()) return new PayDay(0, 0, 0);
        int[] counts = new int[32];
        for (PaidInvoice p : history) counts[p.paidOn().getDayOfMonth()]++;
        int best = 1, bestCount = -1;
        for (int day = 1; day <= 31; day++) {
            int near = counts[day] + counts[day == 1 ? 31 : day - 1] + counts[day == 31 ? 1 : day + 1];
            if (near > bestCount) {
                best = day;
                bestCount = near;
            }
        }
        return new PayDay(best, bestCount / (double) history.size(), history.size());
    }

    boolean fixed() {
        return payments >= 4 && concentration >= 0.6;
    }

    /** The first date on or after {@code from} that falls on the pay day (the month's last day if shorter). */
    LocalDate next(LocalDate from) {
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; i < 3; i++) {
            LocalDate candidate = month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
            if (!candidate.isBefore(from)) return candidate;
            month = month.plusMonths(1);
        }
        return from;
    }
}
