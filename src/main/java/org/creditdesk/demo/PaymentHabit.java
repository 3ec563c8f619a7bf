package org.creditdesk.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/** When a customer of a given behaviour pays an invoice, relative to its due date. */
final class PaymentHabit {

    private PaymentHabit() {}

    static LocalDate settlementDate(
            Behaviour behaviour,
            LocalDate issueDate,
            LocalDate dueDate,
            LocalDate deteriorationStart,
            RandomGenerator random) {
        int daysLate = switch (behaviour) {
            case PROMPT -> -random.nextInt(11);
            case PROCEDURAL_LATE, BOUNCED_CHEQUES, NEW_LINKED_COMPANY -> procedural(random);
            case CHRONIC_LATE -> 15 + random.nextInt(46);
            case DETERIORATING -> {
                if (dueDate.isBefore(deteriorationStart)) yield procedural(random);
                // From ten days late at the start to five months late now: the last few months stay open.
                long slipping = ChronoUnit.DAYS.between(deteriorationStart, dueDate);
                yield (int) (10 + slipping * 150 / 180) + random.nextInt(11);
            }
        };
        LocalDate paid = dueDate.plusDays(daysLate);
        return paid.isBefore(issueDate) ? issueDate : paid;
    }

    /** Mostly a few days late with the customer's payment run, sometimes on time. */
    private static int procedural(RandomGenerator random) {
        return random.nextDouble() < 0.3 ? -random.nextInt(4) : 1 + random.nextInt(7);
    }
}
