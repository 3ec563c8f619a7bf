package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.creditdesk.collections.PromiseRepository.Evaluation;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises to pay. Their status comes from payments only, evaluated by the daily run as of its date
 * ({@link #evaluate}); nobody sets it by hand.
 */
@Service
public class Promises {

    /** What evaluating the promises as of a date changed. */
    public record EvaluationResult(int evaluated, int kept, int broken, List<Long> newlyBroken) {}

    private final PromiseRepository repository;
    private final InvoiceReadRepository invoices;
    private final Activities activities;
    private final Access access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;

    Promises(
            PromiseRepository repository,
            InvoiceReadRepository invoices,
            Activities activities,
            Access access,
            AuditTrail audit,
            BusinessCalendar calendar) {
        this.repository = repository;
        this.invoices = invoices;
        this.activities = activities;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Transactional
    public Promise make(String customerCode, PromiseInput input, Caller caller) {
        Access.mayChange(caller);
        CustomerRef customer = access.customer(customerCode, caller);
        Fields in = new Fields();
        LocalDate promisedOn = in.date("promisedOn", input.promisedOn());
        BigDecimal amount = in.amount("amount", input.amount());
        String currency = in.optionalText("currency", input.currency(), 3);
        if (input.written() == null) in.add("written", "is required (true for a written undertaking)");
        String note = in.optionalText("note", input.note(), 2000);
        in.rejectIfAny();
        LocalDate madeOn = calendar.asOfOrToday(input.asOf());
        if (promisedOn.isBefore(madeOn)) {
            throw ProblemException.ruleViolation(
                            "promisedOn", "%s is in the past (today is %s)".formatted(promisedOn, madeOn))
                    .withKey("problem.text.isInThePastTodayIs", promisedOn, madeOn);
        }
        String cur = currency == null ? customer.currency() : currency;
        access.checkContactOf(input.contactId(), customer.id(), "contactId");
        List<Long> invoiceIds = activities.invoiceIds(customer, input.invoiceNos());
        BigDecimal open;
        if (invoiceIds.isEmpty()) {
            open = invoices.openTotal(customer.id(), cur);
        } else {
            List<InvoiceRef> named = invoices.ofCustomer(customer.id(), new LinkedHashSet<>(input.invoiceNos()));
            if (named.stream().anyMatch(i -> !i.currency().equals(cur))) {
                throw ProblemException.ruleViolation("currency", "the invoices named are not all in " + cur)
                        .withKey("problem.text.theInvoicesNamedAreNotAllIn", cur);
            }
            open = named.stream().map(InvoiceRef::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (amount.compareTo(open) > 0) {
            throw ProblemException.ruleViolation(
                            "amount",
                            "%s is over the open amount %s %s"
                                    .formatted(amount.toPlainString(), open.toPlainString(), cur))
                    .withKey("problem.text.isOverTheOpenAmount", amount.toPlainString(), open.toPlainString(), cur);
        }
        Promise promise = new Promise(
                0,
                customer.code(),
                madeOn,
                promisedOn,
                amount,
                cur,
                List.of(),
                input.contactId(),
                input.written(),
                note,
                PromiseStatus.OPEN,
                BigDecimal.ZERO,
                null);
        long id = repository.insert(customer.id(), promise, invoiceIds, caller.username());
        Promise stored = repository.find(id).orElseThrow();
        audit.record(caller.username(), "PROMISE_MADE", "PROMISE", String.valueOf(id), null, stored, null);
        return stored;
    }

    @Transactional(readOnly = true)
    public Promise find(long id, Caller caller) {
        Promise promise = repository
                .find(id)
                .orElseThrow(() ->
                        ProblemException.notFound("Unknown promise " + id).withKey("problem.text.unknownPromise", id));
        access.customer(promise.customerCode(), caller);
        return promise;
    }

    /** The promises the caller may see, by status and promised date, of one customer when given. */
    @Transactional(readOnly = true)
    public List<Promise> list(
            @Nullable PromiseStatus status,
            @Nullable String customerCode,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Caller caller) {
        Long customerId = customerCode == null
                ? null
                : access.customer(customerCode, caller).id();
        return repository.list(caller.areaFilter(), status, customerId, from, to);
    }

    /**
     * Evaluates every open promise (and those evaluated on this date already) from the payments as of
     * the date, in the caller's transaction; running the same date again changes nothing. Newly broken
     * promises notify the area's collectors and sales reps.
     */
    @Transactional
    public EvaluationResult evaluate(LocalDate asOf, String actor) {
        List<Evaluation> changed = new ArrayList<>();
        List<Long> newlyBroken = new ArrayList<>();
        List<AuditTrail.Change> audited = new ArrayList<>();
        int kept = 0;
        int broken = 0;
        List<Evaluation> candidates = repository.toEvaluate(asOf);
        for (Evaluation e : candidates) {
            PromiseStatus status = CollectionRules.promiseStatus(e.amount(), e.promisedOn(), e.paid(), asOf);
            BigDecimal paid = e.paid().min(e.amount());
            changed.add(new Evaluation(e.id(), e.amount(), e.promisedOn(), paid, status));
            if (status == PromiseStatus.KEPT) kept++;
            if (status == PromiseStatus.BROKEN || status == PromiseStatus.PARTLY_KEPT) broken++;
            if (status != e.status()) {
                audited.add(new AuditTrail.Change(String.valueOf(e.id()), e.status(), status));
                if (e.status() == PromiseStatus.OPEN
                        && (status == PromiseStatus.BROKEN || status == PromiseStatus.PARTLY_KEPT)) {
                    newlyBroken.add(e.id());
                }
            }
        }
        repository.update(asOf, changed);
        audit.recordAll(actor, "PROMISE_EVALUATED", "PROMISE", audited, "daily run " + asOf);
        repository.notifyBroken(newlyBroken);
        return new EvaluationResult(candidates.size(), kept, broken, newlyBroken);
    }
}
