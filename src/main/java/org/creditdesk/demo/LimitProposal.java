package org.creditdesk.demo;

import java.time.LocalDate;
import java.util.Optional;
import org.creditdesk.demo.CustomerHistory.Invoice;

/**
 * The credit limit a credit manager would have granted a generated customer: a month's invoicing
 * for every month of payment terms plus one, weighed by how the customer pays, rounded up to ten
 * thousand yuan. A company registered weeks ago has no limit yet.
 */
record LimitProposal(long cents, LocalDate validFrom, LocalDate validUntil, LocalDate reviewOn, String reason) {

    private static final long ROUNDING_CENTS = 10_000_00L;
    private static final long MINIMUM_CENTS = 50_000_00L;

    static Optional<LimitProposal> of(CustomerProfile customer, CustomerHistory history, LocalDate asOf) {
        if (customer.behaviour() == Behaviour.NEW_LINKED_COMPANY) return Optional.empty();
        LocalDate yearAgo = asOf.minusYears(1);
        long invoicedLastYear = history.invoices().stream()
                .filter(i -> i.issueDate().isAfter(yearAgo))
                .mapToLong(Invoice::cents)
                .sum();
        double monthly = invoicedLastYear / 12.0;
        double months = customer.paymentTermDays() / 30.0 + 1;
        double weight = switch (customer.behaviour()) {
            case PROMPT -> 1.5;
            case PROCEDURAL_LATE -> 1.25;
            case CHRONIC_LATE, BOUNCED_CHEQUES -> 0.8;
            // Granted while it still paid well, before its slide began.
            case DETERIORATING -> 1.25;
            case NEW_LINKED_COMPANY -> 0;
        };
        long cents = Math.max(MINIMUM_CENTS, roundUp((long) (monthly * months * weight)));
        LocalDate validFrom = history.invoices().isEmpty()
                ? asOf.minusMonths(1)
                : history.invoices().getFirst().issueDate();
        // Limits are granted for a year and fall due for renewal at different times.
        LocalDate validUntil = asOf.plusDays(30 + Math.floorMod(customer.index() * 37L, 330));
        String reason = switch (customer.behaviour()) {
            case PROMPT -> "Annual review: pays on time, limit at 1.5 months of terms' turnover";
            case PROCEDURAL_LATE -> "Annual review: pays with its payment run, a few days late";
            case CHRONIC_LATE -> "Annual review: pays late, limit held below turnover";
            case BOUNCED_CHEQUES -> "Annual review: pays by cheque, limit held below turnover";
            case DETERIORATING -> "Annual review: good payment record";
            case NEW_LINKED_COMPANY -> "";
        };
        return Optional.of(new LimitProposal(cents, validFrom, validUntil, validUntil.minusDays(30), reason));
    }

    private static long roundUp(long cents) {
        return (cents + ROUNDING_CENTS - 1) / ROUNDING_CENTS * ROUNDING_CENTS;
    }
}
