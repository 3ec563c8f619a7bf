package org.creditdesk.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer holds: placed by the credit department (or automatically by the daily run) and lifted
 * with a note. An active hold blocks every order; each change is audited and sent to the ERP.
 */
@Service
public class CustomerHolds {

    static final String AUDIT_SUBJECT = "CUSTOMER";
    static final int HISTORY = 100;
    static final int SLICE = 10_000;

    /** A hold and whether this call placed (or lifted) it, or found it so already. */
    public record Changed(CustomerHold hold, boolean changed) {}

    private final HoldRepository holds;
    private final CreditAccountRepository accounts;
    private final Customers customers;
    private final AuditTrail audit;
    private final ErpEvents events;
    private final Clock clock;

    CustomerHolds(
            HoldRepository holds,
            CreditAccountRepository accounts,
            Customers customers,
            AuditTrail audit,
            ErpEvents events,
            Clock clock) {
        this.holds = holds;
        this.accounts = accounts;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Changed place(String customerCode, PlaceHold input, Caller caller) {
        Permissions.require(caller, Permissions.HOLD_KEEPERS, "place holds");
        HoldReason reason = reason(input.reason());
        CustomerRef customer = customers.require(customerCode, caller);
        return place(customer, reason, false, CreditLimits.blankToNull(input.note()), caller.username());
    }

    /** For the daily run: an automatic hold, placed once per reason. */
    @Transactional
    public Changed placeAutomatic(CustomerRef customer, HoldReason reason, @Nullable String note) {
        return place(customer, reason, true, note, Caller.SYSTEM.username());
    }

    /**
     * Makes the calling transaction the only one writing many credit accounts at once until it ends (the daily
     * run calls it first, before any account row is locked; the scoring run's classes wait for it), so that two
     * bulk writers never deadlock on rows they lock in different orders.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void serialiseBulkAccountWrites() {
        accounts.lockForBulkWrites();
    }

    /** What {@link #followOverdue} changed. */
    public record OverdueHolds(int placed, int lifted) {}

    /**
     * The daily run's automatic OVERDUE holds, set-based: a hold for each of {@code beyondGrace} (the
     * customers overdue beyond grace on {@code asOf}, by the live check's rule) that has none active,
     * and the automatic OVERDUE hold of every other customer lifted; the accounts' state, the audit
     * rows and the ERP events follow in a few statements, whatever the number of customers.
     */
    @Transactional
    public OverdueHolds followOverdue(LocalDate asOf, int graceDays, Collection<Long> beyondGrace, Caller caller) {
        OffsetDateTime now = now();
        String by = caller.username();
        String placeNote = "Overdue beyond %d days' grace as of %s".formatted(graceDays, asOf);
        String liftNote = "Overdue cleared as of " + asOf;
        List<Long> placedIds = holds.placeOverdue(beyondGrace, placeNote, by, now);
        List<Long> liftedIds = holds.liftOverdueExcept(beyondGrace, liftNote, by, now);
        accounts.holdAll(placedIds, now);
        accounts.releaseAll(liftedIds, now);
        // In slices: at 1,000,000 customers a first run placed 197,314 holds at once; their rows, audit JSON and ERP
        // payloads are held only a slice at a time (the benchmark servers have 512 MB of heap).
        for (List<Long> slice : slices(placedIds)) {
            List<HoldRepository.WithRest> placed = holds.byIds(slice);
            audit.recordAll(
                    by,
                    "HOLD_PLACED",
                    AUDIT_SUBJECT,
                    placed.stream()
                            .map(p -> new AuditTrail.Change(p.hold().customerCode(), null, p.hold()))
                            .toList(),
                    placeNote);
            events.publishAll(
                    ErpEventType.CUSTOMER_HOLD,
                    placed.stream()
                            .map(p -> new ErpEvents.Entry(p.hold().customerCode(), payload(p.hold(), false)))
                            .toList());
        }
        for (List<Long> slice : slices(liftedIds)) {
            List<HoldRepository.WithRest> lifted = holds.byIds(slice);
            audit.recordAll(
                    by,
                    "HOLD_LIFTED",
                    AUDIT_SUBJECT,
                    lifted.stream()
                            .map(l -> new AuditTrail.Change(l.hold().customerCode(), beforeLift(l.hold()), l.hold()))
                            .toList(),
                    liftNote);
            events.publishAll(
                    ErpEventType.CUSTOMER_RELEASED,
                    lifted.stream()
                            .map(l -> new ErpEvents.Entry(l.hold().customerCode(), payload(l.hold(), l.noneLeft())))
                            .toList());
        }
        return new OverdueHolds(placedIds.size(), liftedIds.size());
    }

    /** Slices of ids small enough for one batch of audit rows and events. */
    static List<List<Long>> slices(List<Long> ids) {
        List<List<Long>> slices = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += SLICE) {
            slices.add(ids.subList(from, Math.min(ids.size(), from + SLICE)));
        }
        return slices;
    }

    private static CustomerHold beforeLift(CustomerHold h) {
        return new CustomerHold(
                h.id(),
                h.customerCode(),
                h.reason(),
                h.automatic(),
                h.note(),
                h.placedBy(),
                h.placedAt(),
                null,
                null,
                null);
    }

    @Transactional
    public Changed lift(String customerCode, long holdId, @Nullable String note, Caller caller) {
        Permissions.require(caller, Permissions.HOLD_KEEPERS, "lift holds");
        CustomerRef customer = customers.require(customerCode, caller);
        CreditAccountRepository.StoredFacts facts = accounts.lock(customer.id());
        CustomerHold hold = holds.find(customer.id(), holdId)
                .orElseThrow(() -> ProblemException.notFound("Unknown hold %d of %s".formatted(holdId, customerCode))
                        .withKey("problem.text.unknownHoldOf", holdId, customerCode));
        if (!hold.active()) return new Changed(hold, false);
        OffsetDateTime now = now();
        holds.lift(holdId, caller.username(), now, CreditLimits.blankToNull(note));
        CustomerHold lifted = holds.find(customer.id(), holdId).orElseThrow();
        boolean noneLeft = holds.active(customer.id()).isEmpty();
        if (noneLeft && facts.state() == CreditState.ON_HOLD) {
            accounts.setFacts(customer.id(), withState(facts, CreditState.ACTIVE), now);
        }
        audit.record(caller.username(), "HOLD_LIFTED", AUDIT_SUBJECT, customer.code(), hold, lifted, note);
        events.publish(ErpEventType.CUSTOMER_RELEASED, customer.code(), null, payload(lifted, noneLeft));
        return new Changed(lifted, true);
    }

    @Transactional(readOnly = true)
    public List<CustomerHold> holds(String customerCode, Caller caller) {
        return holds.ofCustomer(customers.require(customerCode, caller).id(), HISTORY);
    }

    @Transactional(readOnly = true)
    public List<CustomerHold> active(long customerId) {
        return holds.active(customerId);
    }

    private Changed place(
            CustomerRef customer, HoldReason reason, boolean automatic, @Nullable String note, String by) {
        CreditAccountRepository.StoredFacts facts = accounts.lock(customer.id());
        OffsetDateTime now = now();
        Optional<Long> id = holds.insert(customer.id(), reason, automatic, note, by, now);
        if (id.isEmpty()) {
            CustomerHold existing = holds.active(customer.id()).stream()
                    .filter(h -> h.reason() == reason)
                    .findFirst()
                    .orElseThrow();
            return new Changed(existing, false);
        }
        if (facts.state() == CreditState.ACTIVE) {
            accounts.setFacts(customer.id(), withState(facts, CreditState.ON_HOLD), now);
        }
        CustomerHold hold = holds.find(customer.id(), id.get()).orElseThrow();
        audit.record(by, "HOLD_PLACED", AUDIT_SUBJECT, customer.code(), null, hold, note);
        events.publish(ErpEventType.CUSTOMER_HOLD, customer.code(), null, payload(hold, false));
        return new Changed(hold, true);
    }

    private static Map<String, Object> payload(CustomerHold hold, boolean noHoldsLeft) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("holdId", hold.id());
        payload.put("reason", hold.reason());
        payload.put("automatic", hold.automatic());
        payload.put("note", hold.active() ? hold.note() : hold.liftNote());
        if (!hold.active()) payload.put("noHoldsLeft", noHoldsLeft);
        return payload;
    }

    static CreditAccountRepository.StoredFacts withState(CreditAccountRepository.StoredFacts f, CreditState state) {
        return new CreditAccountRepository.StoredFacts(
                state, f.stopReason(), f.legal(), f.linkedToStopped(), f.bouncedCheque(), f.riskClass(), f.version());
    }

    private static HoldReason reason(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.malformed("Invalid hold", List.of(Violation.field("reason", "is required")))
                    .withKey("problem.text.invalidHold");
        }
        try {
            return HoldReason.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(
                            "Invalid hold",
                            List.of(Violation.field(
                                    "reason", "must be one of " + Arrays.toString(HoldReason.values()))))
                    .withKey("problem.text.invalidHold");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
