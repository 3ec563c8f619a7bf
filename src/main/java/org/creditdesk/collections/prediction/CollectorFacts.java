package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The collections facts of invoices at any moment: open disputes, promises broken lately or still open,
 * approvals stalled at the customer. Built once from the rows, asked per invoice and date.
 */
final class CollectorFacts {

    /** A promise broken this many days before still tells. */
    static final int BROKEN_PROMISE_DAYS = 180;

    /** An approval step waiting this long is stalled. */
    static final int STALLED_DAYS = 14;

    private final Map<Long, List<PredictionRepository.Dispute>> disputes = new HashMap<>();
    private final Map<Long, List<PredictionRepository.Promise>> promisesByCustomer = new HashMap<>();
    private final Map<Long, List<PredictionRepository.Step>> steps = new HashMap<>();

    CollectorFacts(
            List<PredictionRepository.Dispute> disputes,
            List<PredictionRepository.Promise> promises,
            List<PredictionRepository.Step> steps) {
        disputes.forEach(d -> this.disputes
                .computeIfAbsent(d.invoiceId(), k -> new ArrayList<>())
                .add(d));
        promises.forEach(p -> promisesByCustomer
                .computeIfAbsent(p.customerId(), k -> new ArrayList<>())
                .add(p));
        steps.forEach(s -> this.steps
                .computeIfAbsent(s.invoiceId(), k -> new ArrayList<>())
                .add(s));
    }

    InvoiceFacts at(long customerId, long invoiceId, LocalDate dueDate, BigDecimal amount, LocalDate t) {
        return new InvoiceFacts(
                dueDate,
                amount,
                disputed(invoiceId, t),
                brokenPromise(customerId, t),
                openPromise(customerId, invoiceId, t),
                stalled(invoiceId, t));
    }

    private boolean disputed(long invoiceId, LocalDate t) {
        return disputes.getOrDefault(invoiceId, List.of()).stream()
                .anyMatch(d -> !d.raisedOn().isAfter(t)
                        && (d.resolvedOn() == null || d.resolvedOn().isAfter(t)));
    }

    private boolean brokenPromise(long customerId, LocalDate t) {
        return promisesByCustomer.getOrDefault(customerId, List.of()).stream()
                .anyMatch(p -> (p.status().equals("BROKEN") || p.status().equals("PARTLY_KEPT"))
                        && p.promisedOn().isBefore(t)
                        && !p.promisedOn().isBefore(t.minusDays(BROKEN_PROMISE_DAYS)));
    }

    /** The earliest promise given by {@code t} and not yet due, for this invoice or for the customer's account. */
    private @Nullable LocalDate openPromise(long customerId, long invoiceId, LocalDate t) {
        return promisesByCustomer.getOrDefault(customerId, List.of()).stream()
                .filter(p -> !p.madeOn().isAfter(t) && !p.promisedOn().isBefore(t))
                .filter(p -> p.invoiceIds().isEmpty() || p.invoiceIds().contains(invoiceId))
                .map(PredictionRepository.Promise::promisedOn)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** The invoice's newest approval step recorded by {@code t} is WAITING since at least {@link #STALLED_DAYS}. */
    private boolean stalled(long invoiceId, LocalDate t) {
        PredictionRepository.Step newest = null;
        for (PredictionRepository.Step s : steps.getOrDefault(invoiceId, List.of())) {
            if (!s.since().isAfter(t)) newest = s;
        }
        return newest != null
                && newest.status().equals("WAITING")
                && !newest.since().isAfter(t.minusDays(STALLED_DAYS));
    }
}
