package org.creditdesk.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * What makes one customer's payments predictable beyond its average lateness, as in life (issue 10):
 * some customers pay only in their payment runs on fixed days of the month (the 10th and the 25th: an
 * invoice approved in between waits for the next run), and a customer's lateness drifts over the years
 * (a late payer gets slowly better or worse). Drawn from the customer's own stream, so the rest of the
 * portfolio (orders, invoices, amounts) is the same as without it. The drift ends where the customer is
 * on the as-of date: today's book (who is overdue now) is the one the demo's story was told with.
 *
 * @param runDays the days of the month of its payment runs, none for a customer who pays any day
 * @param driftDaysPerYear how much later (negative: earlier) a chronic late payer pays each year
 * @param onTimeDriftPerYear how the share of a procedural payer's invoices paid on time changes each year
 * @param asOf where the drift has brought the customer: lateness as drawn, 30 % of procedural payments on time
 */
record PaymentRhythm(int[] runDays, double driftDaysPerYear, double onTimeDriftPerYear, LocalDate asOf) {

    /** The runs of the customers who pay in runs. */
    static final int[] RUN_DAYS = {10, 25};

    /** About one customer in three who pays by its own rules (not the deteriorating ones) pays in runs. */
    static final double RUN_SHARE = 0.35;

    static final double MAX_DRIFT_DAYS_PER_YEAR = 12;

    static final double MAX_ON_TIME_DRIFT_PER_YEAR = 0.15;

    static PaymentRhythm of(CustomerProfile customer, long seed, LocalDate asOf) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 31L * customer.index() + 7);
        boolean inRuns = customer.behaviour() != Behaviour.DETERIORATING && random.nextDouble() < RUN_SHARE;
        double drift = (2 * random.nextDouble() - 1) * MAX_DRIFT_DAYS_PER_YEAR;
        double onTimeDrift = (2 * random.nextDouble() - 1) * MAX_ON_TIME_DRIFT_PER_YEAR;
        return new PaymentRhythm(inRuns ? RUN_DAYS : new int[0], drift, onTimeDrift, asOf);
    }

    boolean paysInRuns() {
        return runDays.length > 0;
    }

    /** Years from the as-of date to the date: negative in the history. */
    double years(LocalDate date) {
        return ChronoUnit.DAYS.between(asOf, date) / 365.0;
    }

    /** A chronic late payer's lateness on a due date: as drawn on the as-of date, moved by its drift before, within 15-60 days. */
    int chronicDaysLate(int drawn, LocalDate dueDate) {
        return (int) Math.max(15, Math.min(60, Math.round(drawn + driftDaysPerYear * years(dueDate))));
    }

    /** A procedural payer's chance of paying an invoice on time: 30 % on the as-of date, drifting before, within 5-60 %. */
    double onTimeShare(LocalDate dueDate) {
        return Math.max(0.05, Math.min(0.60, 0.30 + onTimeDriftPerYear * years(dueDate)));
    }

    /** The first payment run on or after the date. */
    LocalDate runOnOrAfter(LocalDate date) {
        LocalDate best = null;
        for (int month = 0; month <= 1 && best == null; month++) {
            LocalDate first = date.withDayOfMonth(1).plusMonths(month);
            for (int day : runDays) {
                LocalDate run = first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
                if (!run.isBefore(date) && (best == null || run.isBefore(best))) best = run;
            }
        }
        return best == null ? date : best;
    }

    /**
     * The run nearest to the date that falls within {@code earliest} to {@code latest} (runs are at most
     * 16 days apart, so one does when that span is longer).
     */
    LocalDate runNear(LocalDate date, LocalDate earliest, LocalDate latest) {
        LocalDate after = runOnOrAfter(date);
        LocalDate before = runOnOrBefore(date);
        boolean afterFits = !after.isAfter(latest);
        boolean beforeFits = !before.isBefore(earliest);
        if (afterFits && beforeFits) {
            return ChronoUnit.DAYS.between(date, after) <= ChronoUnit.DAYS.between(before, date) ? after : before;
        }
        return afterFits ? after : before;
    }

    /** The last payment run on or before the date. */
    LocalDate runOnOrBefore(LocalDate date) {
        LocalDate best = null;
        for (int month = 0; month <= 1 && best == null; month++) {
            LocalDate first = date.withDayOfMonth(1).minusMonths(month);
            for (int day : runDays) {
                LocalDate run = first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
                if (!run.isAfter(date) && (best == null || run.isAfter(best))) best = run;
            }
        }
        return best == null ? date : best;
    }
}
