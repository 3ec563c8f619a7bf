package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.util.List;

/**
 * A customer's usual days of the month for paying: the day (1-31) with most payments within a day either
 * side, and the share of recent payments that fell there. Customers with a monthly payment run show a
 * high concentration; customers with two runs a month (e.g. the 10th and the 25th) show it on two days
 * together ({@code secondDay}, 0 when there is none).
 */
record PayDay(int day, int secondDay, double concentration, int payments) {

    /** A second run day needs at least this share of the payments on its own. */
    static final double SECOND_DAY_SHARE = 0.2;

    /** One day alone at this concentration is the pay day; two days must reach it together. */
    static final double FIXED_CONCENTRATION = 0.6;

    PayDay(int day, double concentration, int payments) {
        this(day, 0, concentration, payments);
    }

    static PayDay of(List<PaidInvoice> history) {
        if (history.isEmpty()) return new PayDay(0, 0, 0);
        int[] counts = new int[32];
        for (PaidInvoice p : history) counts[p.paidOn().getDayOfMonth()]++;
        int best = busiest(counts, 0);
        int bestCount = near(counts, best);
        double n = history.size();
        if (bestCount / n >= FIXED_CONCENTRATION) return new PayDay(best, bestCount / n, history.size());
        int second = busiest(counts, best);
        int secondCount = near(counts, second);
        if (secondCount / n >= SECOND_DAY_SHARE && (bestCount + secondCount) / n >= FIXED_CONCENTRATION) {
            return new PayDay(best, second, (bestCount + secondCount) / n, history.size());
        }
        return new PayDay(best, bestCount / n, history.size());
    }

    /**
     * The day with most payments within a day either side (ties: most on the day itself), away from
     * {@code other}'s window (0: none).
     */
    private static int busiest(int[] counts, int other) {
        int best = 1, bestCount = -1;
        for (int day = 1; day <= 31; day++) {
            if (other != 0 && distance(day, other) < 3) continue;
            int near = near(counts, day) * 64 + counts[day];
            if (near > bestCount) {
                best = day;
                bestCount = near;
            }
        }
        return best;
    }

    private static int near(int[] counts, int day) {
        return counts[day] + counts[day == 1 ? 31 : day - 1] + counts[day == 31 ? 1 : day + 1];
    }

    private static int distance(int a, int b) {
        int d = Math.abs(a - b);
        return Math.min(d, 31 - d);
    }

    boolean fixed() {
        return payments >= 4 && concentration >= FIXED_CONCENTRATION;
    }

    /** The first date on or after {@code from} that falls on a pay day (the month's last day if shorter). */
    LocalDate next(LocalDate from) {
        LocalDate next = next(day, from);
        if (secondDay == 0) return next;
        LocalDate other = next(secondDay, from);
        return other.isBefore(next) ? other : next;
    }

    private static LocalDate next(int day, LocalDate from) {
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; i < 3; i++) {
            LocalDate candidate = month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
            if (!candidate.isBefore(from)) return candidate;
            month = month.plusMonths(1);
        }
        return from;
    }
}
