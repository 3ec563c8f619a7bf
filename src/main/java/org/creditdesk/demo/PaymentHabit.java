package org.creditdesk.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** When a customer of a given behaviour pays an invoice, relative to its due date. */
final class PaymentHabit {

    /**
     * One invoice in ten of a chronic late payer slips past 60 days: the invoice that waits for the
     * customer's own customer to pay, or for the month a bank acceptance falls due. Without it the
     * "pays late but always pays" customers would never show the 60+ days a credit manager fears.
     */
    private static final double CHRONIC_LATE_SLIP_SHARE = 0.10;

    /** A deteriorating customer's lateness grows by this many days for every 180 days of its slide. */
    private static final int SLIDE_DAYS_LATE_PER_HALF_YEAR = 150;

    private PaymentHabit() {}

    /**
     * @param slideStart when a deteriorating customer's lateness starts to grow (see {@link
     *     HistoryGenerator}); null for every other behaviour
     * @param rhythm the customer's payment runs and drift: the draws from {@code random} are the same with
     *     or without them, only what they mean for the date changes
     */
    static LocalDate settlementDate(
            Behaviour behaviour,
            LocalDate issueDate,
            LocalDate dueDate,
            @Nullable LocalDate slideStart,
            PaymentRhythm rhythm,
            RandomGenerator random) {
        int daysLate = switch (behaviour) {
            case PROMPT -> {
                int early = random.nextInt(11);
                // Paid in the last run before the due date (one run falls within every payment term).
                yield rhythm.paysInRuns() ? runDaysLate(rhythm.runOnOrBefore(dueDate), dueDate) : -early;
            }
            case PROCEDURAL_LATE, BOUNCED_CHEQUES, NEW_LINKED_COMPANY -> {
                int late = procedural(random, rhythm.onTimeShare(dueDate));
                // The run within a week either side of the due date: never more than the procedural week late.
                yield rhythm.paysInRuns() ? runDaysLate(rhythm.runOnOrAfter(dueDate.minusDays(8)), dueDate) : late;
            }
            case CHRONIC_LATE -> {
                boolean slips = random.nextDouble() < CHRONIC_LATE_SLIP_SHARE;
                int drawn = slips ? 61 + random.nextInt(40) : 15 + random.nextInt(46);
                int late = slips ? drawn : rhythm.chronicDaysLate(drawn, dueDate);
                if (!rhythm.paysInRuns()) yield late;
                // Paid in the run nearest to that day, within the same bounds (15-60, or 61-100 when it slips).
                LocalDate run = slips
                        ? rhythm.runNear(dueDate.plusDays(late), dueDate.plusDays(61), dueDate.plusDays(100))
                        : rhythm.runNear(dueDate.plusDays(late), dueDate.plusDays(15), dueDate.plusDays(60));
                yield runDaysLate(run, dueDate);
            }
            case DETERIORATING -> {
                LocalDate start = Objects.requireNonNull(slideStart, "a deteriorating customer has a slide start");
                if (dueDate.isBefore(start)) yield procedural(random);
                // Ten days late at the start, five months late six months later: the newest invoices stay open.
                long slipping = ChronoUnit.DAYS.between(start, dueDate);
                yield (int) (10 + slipping * SLIDE_DAYS_LATE_PER_HALF_YEAR / 180) + random.nextInt(11);
            }
        };
        LocalDate paid = dueDate.plusDays(daysLate);
        return paid.isBefore(issueDate) ? issueDate : paid;
    }

    /** Mostly a few days late with the customer's payment run, sometimes on time (its drifting share). */
    private static int procedural(RandomGenerator random, double onTimeShare) {
        return random.nextDouble() < onTimeShare ? -random.nextInt(4) : 1 + random.nextInt(7);
    }

    private static int procedural(RandomGenerator random) {
        return procedural(random, 0.3);
    }

    private static int runDaysLate(LocalDate run, LocalDate dueDate) {
        return (int) ChronoUnit.DAYS.between(dueDate, run);
    }
}
