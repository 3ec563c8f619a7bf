package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.NewOrder;
import org.creditdesk.ledger.Order;
import org.creditdesk.ledger.OrderDecider;
import org.creditdesk.ledger.OrderRequest;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders under credit control: every new or enlarged order is checked and recorded in one
 * transaction that holds the customer's credit account row locked, so concurrent orders of one
 * customer are decided one after the other against the headroom the previous ones left (one lock
 * per order, so orders of different customers never wait for each other). Blocked orders wait in
 * a queue for someone whose authority covers them to release or reject them.
 */
@Service
public class CreditOrders {

    static final String AUDIT_SUBJECT = "ORDER";
    static final int QUEUE_SIZE = 500;
    private static final Set<OrderStatus> REOPENABLE =
            Set.of(OrderStatus.RELEASED, OrderStatus.BLOCKED, OrderStatus.REJECTED);

    /** An order's answer and whether this call recorded it (false: the same order was there already). */
    public record Placed(OrderOutcome outcome, boolean created) {}

    private final Ledger ledger;
    private final CreditChecks checks;
    private final CreditAccountRepository accounts;
    private final CreditOrderRepository decisions;
    private final AuthorityMatrices authorities;
    private final Customers customers;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final ErpEvents events;
    private final Clock clock;

    CreditOrders(
            Ledger ledger,
            CreditChecks checks,
            CreditAccountRepository accounts,
            CreditOrderRepository decisions,
            AuthorityMatrices authorities,
            Customers customers,
            BusinessCalendar calendar,
            AuditTrail audit,
            ErpEvents events,
            Clock clock) {
        this.ledger = ledger;
        this.checks = checks;
        this.accounts = accounts;
        this.decisions = decisions;
        this.authorities = authorities;
        this.customers = customers;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * {@code POST /orders}: checks the order and records it RELEASED or BLOCKED; idempotent by order number.
     * Two round trips besides the settings and the commit (issue 14): the customer by code with the account lock
     * and the snapshot ({@link CreditChecks#lockForOrder}: 404 for a customer the caller may not see, nothing
     * locked) and the writes in one statement ({@code credit_place_order}: the sales order, the decision, the
     * audit entry, the ERP event); a released order's running totals then move with the ledger's {@code
     * OrderRecorded}, as every order's do.
     */
    @Transactional
    public Placed place(RecordOrder command, Caller caller) {
        OrderRequest request = ledger.validateOrder(command);
        CreditSnapshotRepository.ForOrder locked = checks.lockForOrder(
                        request.customerCode(), caller, request.currency(), request.contractNo(), calendar.today())
                .orElseThrow(() -> Customers.unknown(request.customerCode()));
        NewOrder prepared = ledger.prepareOrder(request, locked.customer());
        CustomerRef customer = prepared.customer();
        Order proposed = prepared.order();
        CheckResult result = checks.decideLocked(locked, money(proposed));
        Order order = proposed.withStatus(result.decision().approved() ? OrderStatus.RELEASED : OrderStatus.BLOCKED);
        CreditOrderRepository.Decided decided = decided(customer, order, result, caller);
        return decisions
                .place(
                        decided,
                        order.productLine(),
                        reason(decided.reasons()),
                        order.status() == OrderStatus.BLOCKED ? blockedPayload(order, decided.reasons()) : null)
                .map(placed -> {
                    ledger.orderRecorded(prepared, placed.orderId(), order.status());
                    return new Placed(placed.decision().outcome(), true);
                })
                .orElseGet(() -> new Placed(storedOutcome(ledger.repeatedOrder(prepared), caller), false));
    }

    /** Releases a blocked order if the caller's authority under the current policy covers its amount (else 403). */
    @Transactional
    public OrderOutcome release(String orderNo, @Nullable String justification, Caller caller) {
        String why = required("justification", justification, "a release needs a justification");
        Order order = ledger.order(orderNo, caller);
        CustomerRef customer = customers.require(order.customerCode(), caller);
        if (order.status() == OrderStatus.RELEASED) return storedOutcome(order, caller);
        requireAuthority(order, customer, caller, "release");
        accounts.lock(customer.id());
        Order released = ledger.changeOrderStatus(orderNo, Set.of(OrderStatus.BLOCKED), OrderStatus.RELEASED, caller);
        decisions.resolve(orderNo, OrderStatus.RELEASED, caller.username(), now(), why);
        audit.record(caller.username(), "ORDER_RELEASED", AUDIT_SUBJECT, orderNo, order, released, why);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", order.amount());
        payload.put("currency", order.currency());
        payload.put("releasedBy", caller.username());
        payload.put("justification", why);
        events.publish(ErpEventType.ORDER_RELEASED, customer.code(), orderNo, payload);
        return storedOutcome(released, caller);
    }

    /** Rejects a blocked order; the same authority as a release is needed. */
    @Transactional
    public OrderOutcome reject(String orderNo, @Nullable String comment, Caller caller) {
        String why = required("comment", comment, "a rejection needs a comment saying why");
        Order order = ledger.order(orderNo, caller);
        CustomerRef customer = customers.require(order.customerCode(), caller);
        if (order.status() == OrderStatus.REJECTED) return storedOutcome(order, caller);
        requireAuthority(order, customer, caller, "reject");
        accounts.lock(customer.id());
        Order rejected = ledger.changeOrderStatus(orderNo, Set.of(OrderStatus.BLOCKED), OrderStatus.REJECTED, caller);
        decisions.resolve(orderNo, OrderStatus.REJECTED, caller.username(), now(), why);
        audit.record(caller.username(), "ORDER_REJECTED", AUDIT_SUBJECT, orderNo, order, rejected, why);
        return storedOutcome(rejected, caller);
    }

    /** Cancels a released or blocked order; a released one frees its reservation. */
    @Transactional
    public Order cancel(String orderNo, Caller caller) {
        Order order = ledger.order(orderNo, caller);
        CustomerRef customer = customers.require(order.customerCode(), caller);
        accounts.lock(customer.id());
        Order cancelled = ledger.cancelOrder(orderNo, caller);
        if (order.status() != OrderStatus.CANCELLED) {
            audit.record(caller.username(), "ORDER_CANCELLED", AUDIT_SUBJECT, orderNo, order, cancelled, null);
        }
        return cancelled;
    }

    /**
     * Changes an order's amount. An increase, or a new amount for a blocked or rejected order, is
     * checked again against the exposure without the order's current reservation; a decrease of a
     * released order only frees headroom and stays released.
     */
    @Transactional
    public OrderOutcome amend(String orderNo, @Nullable BigDecimal amount, Caller caller) {
        Order before = ledger.order(orderNo, caller);
        CustomerRef customer = customers.require(before.customerCode(), caller);
        accounts.lock(customer.id());
        AtomicReference<CheckResult> checked = new AtomicReference<>();
        OrderDecider decider = (c, proposed, current) -> {
            if (current == null || !REOPENABLE.contains(current.status())) {
                throw ProblemException.ruleViolation(
                                "status",
                                "Order %s is %s and can no longer be changed".formatted(orderNo, before.status()))
                        .withKey("problem.text.orderIsAndCanNoLongerBe", orderNo, before.status());
            }
            CheckResult result = checks.decide(c, money(proposed), proposed.contractNo(), calendar.today(), current);
            boolean decrease = current.status() == OrderStatus.RELEASED
                    && proposed.amount().compareTo(current.amount()) <= 0;
            if (decrease && !result.decision().approved()) {
                result = new CheckResult(
                        new CreditDecision.Approved(),
                        result.asOf(),
                        result.currency(),
                        result.breakdown(),
                        result.requested(),
                        result.creditLimit());
            }
            checked.set(result);
            return result.decision().approved() ? OrderStatus.RELEASED : OrderStatus.BLOCKED;
        };
        Order after = ledger.amendOrder(orderNo, amount, decider, caller);
        if (after.equals(before) || checked.get() == null) return storedOutcome(after, caller);
        return record(customer, after, checked.get(), caller, "ORDER_AMENDED", before)
                .outcome();
    }

    @Transactional(readOnly = true)
    public CreditOrder order(String orderNo, Caller caller) {
        Order order = ledger.order(orderNo, caller);
        return decisions.find(orderNo).orElseGet(() -> undecided(order, caller));
    }

    /** Orders by status (the blocked-order queue), newest first; area-scoped callers see their areas only. */
    @Transactional(readOnly = true)
    public List<CreditOrder> orders(@Nullable OrderStatus status, Caller caller) {
        return decisions.list(status, caller.areaFilter(), null, QUEUE_SIZE);
    }

    /** One page of the orders in a status (the blocked-order queue), newest first, filtered in SQL. */
    @Transactional(readOnly = true)
    public Page<CreditOrder> queue(
            OrderStatus status, @Nullable String area, @Nullable ReasonCode reason, int page, int size, Caller caller) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, QUEUE_SIZE);
        String areaFilter = area == null || area.isBlank() ? null : area.strip();
        return new Page<>(
                decisions.queue(status, caller.areaFilter(), areaFilter, reason, safePage * safeSize, safeSize),
                safePage,
                safeSize,
                decisions.queueCount(status, caller.areaFilter(), areaFilter, reason));
    }

    /** Whether the caller's authority covers releasing (or rejecting) this order. */
    @Transactional(readOnly = true)
    public boolean mayRelease(CreditOrder order, Caller caller) {
        return authorities
                        .authority()
                        .decide(
                                caller,
                                AuthorityAction.RELEASE_ORDER,
                                Money.of(order.amount(), order.currency()),
                                order.area())
                instanceof AuthorityDecision.Allowed;
    }

    /** Stores a decision, its audit entry and (blocked) its ERP event step by step: amendments. */
    CreditOrder record(
            CustomerRef customer,
            Order order,
            CheckResult result,
            Caller caller,
            String action,
            @Nullable Order before) {
        CreditOrderRepository.Decided decided = decided(customer, order, result, caller);
        CreditOrder saved = decisions.save(decided);
        audit.record(caller.username(), action, AUDIT_SUBJECT, order.orderNo(), before, saved, reason(saved.reasons()));
        if (order.status() == OrderStatus.BLOCKED) {
            events.publish(
                    ErpEventType.ORDER_BLOCKED,
                    customer.code(),
                    order.orderNo(),
                    blockedPayload(order, saved.reasons()));
        }
        return saved;
    }

    private CreditOrderRepository.Decided decided(
            CustomerRef customer, Order order, CheckResult result, Caller caller) {
        CheckResult figures = order.status() == OrderStatus.RELEASED ? result.withRequestedReleased() : result;
        return new CreditOrderRepository.Decided(
                order.orderNo(),
                customer.id(),
                customer.code(),
                customer.areaCode(),
                order.orderDate(),
                order.amount(),
                order.currency(),
                order.contractNo(),
                order.status(),
                order.status() == OrderStatus.RELEASED ? List.of() : result.reasons(),
                figures,
                now(),
                caller.username());
    }

    /** The ERP event's payload for a blocked order. */
    private static Map<String, Object> blockedPayload(Order order, List<Reason> reasons) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("amount", order.amount());
        payload.put("currency", order.currency());
        payload.put("reasons", reasons.stream().map(Reason::code).toList());
        return payload;
    }

    /** The audit entry's reason for a decision: its blocking reasons, none when released. */
    private static @Nullable String reason(List<Reason> reasons) {
        return reasons.isEmpty() ? null : summary(reasons);
    }

    private OrderOutcome storedOutcome(Order order, Caller caller) {
        return decisions
                .find(order.orderNo())
                .map(CreditOrder::outcome)
                .orElseGet(() -> undecided(order, caller).outcome());
    }

    /** An order recorded without a credit decision (imported history): its status and today's figures. */
    private CreditOrder undecided(Order order, Caller caller) {
        CustomerRef customer = customers.require(order.customerCode(), caller);
        CheckResult standing = checks.standing(customer, calendar.today());
        Exposure e = standing.breakdown();
        return new CreditOrder(
                order.orderNo(),
                customer.code(),
                customer.areaCode(),
                order.orderDate(),
                order.amount(),
                order.currency(),
                order.contractNo(),
                order.status(),
                List.of(),
                standing.currency(),
                e == null ? null : e.openReceivables().amount(),
                e == null ? null : e.releasedOrders().amount(),
                e == null ? null : e.unclearedCheques().amount(),
                e == null ? null : e.unappliedCredit().amount(),
                standing.exposure(),
                standing.creditLimit(),
                standing.available(),
                0,
                now(),
                "system",
                null,
                null,
                null);
    }

    /**
     * The authority a decision on a blocked order needs (issue 15 finding 10): first the blocking
     * reasons' severity (V112: CREDIT_STOPPED never, LEGAL or escalation level 3+ only the general
     * manager), then the amount authority judged on the customer's exposure after the release (the
     * order amount alone when the exposure is in another currency). The refusal names what is needed.
     */
    private void requireAuthority(Order order, CustomerRef customer, Caller caller, String verb) {
        CreditStatus.Standing standing = checks.standingWithFacts(customer, calendar.today());
        Set<ReasonCode> reasons = new java.util.HashSet<>();
        standing.figures().reasons().forEach(r -> reasons.add(r.code()));
        decisions.find(order.orderNo()).ifPresent(d -> d.outcome().reasons().forEach(r -> reasons.add(r.code())));
        Authority authority = authorities.authority();
        int level = authority.policy().escalationLevel(standing.overdue().maxDaysOverdue());
        String severe = authorities.severity().refusal(reasons, level, caller);
        if (severe != null) {
            throw ProblemException.forbidden("You may not %s order %s. %s".formatted(verb, order.orderNo(), severe))
                    .withKey("problem.text.youMayNotOrder", verb, order.orderNo(), severe);
        }
        Money amount = money(order);
        java.math.BigDecimal exposure = standing.figures().exposure();
        if (exposure != null && standing.figures().currency().equals(order.currency())) {
            amount = Money.of(exposure.add(order.amount()), order.currency());
        }
        AuthorityDecision decision =
                authority.decide(caller, AuthorityAction.RELEASE_ORDER, amount, customer.areaCode());
        switch (decision) {
            case AuthorityDecision.Allowed allowed -> {}
            case AuthorityDecision.Denied denied ->
                throw ProblemException.forbidden("You may not %s order %s (the customer's exposure after it: %s). %s"
                                .formatted(verb, order.orderNo(), amount, denied.reason()))
                        .withKey(
                                "problem.text.youMayNotOrderTheCustomerS",
                                verb,
                                order.orderNo(),
                                amount,
                                denied.reason());
        }
    }

    private static Money money(Order order) {
        return Money.of(order.amount(), order.currency());
    }

    private static String summary(List<Reason> reasons) {
        return String.join(
                "; ", reasons.stream().map(r -> r.code() + ": " + r.message()).toList());
    }

    private static String required(String field, @Nullable String text, String message) {
        if (text == null || text.isBlank()) {
            throw ProblemException.malformed(message, List.of(Violation.field(field, "is required")));
        }
        return text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
