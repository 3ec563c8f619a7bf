package org.creditdesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credit limits under four eyes: a limit changes only when a request is approved by a different
 * user whose authority covers the amount. Also the securities that raise a line, and the usable
 * line the credit check draws on.
 */
@Service
public class CreditLimits {

    static final String AUDIT_SUBJECT = "CUSTOMER";
    static final int INBOX_SIZE = 500;
    /** Who requests a limit change a business rule makes (never a user name, so four eyes hold). */
    static final String RULE_REQUESTER = "creditdesk-rule";

    private final CreditLimitRepository repository;
    private final Customers customers;
    private final AuthorityMatrices authorities;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final ErpEvents events;
    private final Clock clock;
    private final LimitWarningRepository warnings;

    CreditLimits(
            CreditLimitRepository repository,
            Customers customers,
            AuthorityMatrices authorities,
            BusinessCalendar calendar,
            AuditTrail audit,
            ErpEvents events,
            Clock clock,
            LimitWarningRepository warnings) {
        this.warnings = warnings;
        this.repository = repository;
        this.customers = customers;
        this.authorities = authorities;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The customer's line (or the contract's line) as of {@code asOf}, raised by the securities valid
     * then in the limit's currency; empty when no limit was ever approved for it. Securities in other
     * currencies do not count: converting them would mean guessing a rate.
     */
    @Transactional(readOnly = true)
    public Optional<CustomerCreditLine> usableLimit(long customerId, @Nullable String contractNo, LocalDate asOf) {
        return repository.currentLine(customerId, blankToNull(contractNo)).map(v -> line(customerId, v, asOf));
    }

    @Transactional
    public CreditLimitRequest request(String customerCode, NewLimitRequest input, Caller caller) {
        Permissions.require(caller, Permissions.LIMIT_REQUESTERS, "request a credit limit");
        CustomerRef customer = customers.require(customerCode, caller);
        LocalDate today = calendar.today();
        CreditLimitRequest request =
                LimitRequestRules.validate(input, customer, calendar.baseCurrency(), today, caller.username(), now());
        if (request.contractNo() != null
                && !"VALUE_ADDED".equals(repository.businessGroup(customer.id()).orElse(""))) {
            throw ProblemException.ruleViolation(
                            "contractNo", "contract credit lines are for VALUE_ADDED customers only")
                    .withKey("problem.text.contractCreditLinesAreForVALUEADDED");
        }
        repository.pendingFor(customer.id(), request.contractNo()).ifPresent(id -> {
            throw ProblemException.conflict(
                            "Request %d for this credit line is still pending; approve or reject it first"
                                    .formatted(id))
                    .withKey("problem.text.requestForThisCreditLineIsStill", id);
        });
        long id = repository.insertRequest(customer.id(), request);
        CreditLimitRequest saved = repository.request(id).orElseThrow();
        String planWarning = planWarning(customer, saved, today);
        audit.record(
                caller.username(),
                "LIMIT_REQUESTED",
                AUDIT_SUBJECT,
                customer.code(),
                null,
                saved,
                planWarning == null ? saved.reason() : saved.reason() + " | " + planWarning);
        return saved;
    }

    @Transactional
    public CreditLimitRequest approve(long requestId, @Nullable String comment, Caller caller) {
        Decidable d = decidable(requestId, caller, "approve");
        if (d.request().requestedBy().equals(caller.username())) {
            throw ProblemException.forbidden(
                            "Four eyes: %s requested this limit and cannot approve it; another approver must"
                                    .formatted(caller.username()))
                    .withKey("problem.text.fourEyesRequestedThisLimitAndCannot", caller.username());
        }
        requireAuthority(d, caller, "approve");
        requireWarningAuthority(requestId, caller);
        OffsetDateTime now = now();
        Optional<CreditLimitVersion> before =
                repository.currentLine(d.customer().id(), d.request().contractNo());
        repository.decide(requestId, LimitRequestStatus.APPROVED, caller.username(), now, blankToNull(comment));
        repository.putInForce(d.customer().id(), d.request(), caller.username(), now);
        CreditLimitVersion after = repository
                .currentLine(d.customer().id(), d.request().contractNo())
                .orElseThrow();
        audit.record(
                caller.username(),
                "LIMIT_APPROVED",
                AUDIT_SUBJECT,
                d.customer().code(),
                before.orElse(null),
                after,
                reasonWithComment(d.request().reason(), comment));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", requestId);
        payload.put("contractNo", after.contractNo());
        payload.put("creditLimit", after.amount());
        payload.put("currency", after.currency());
        payload.put("validFrom", after.validFrom());
        payload.put("validUntil", after.validUntil());
        payload.put("previousLimit", before.map(CreditLimitVersion::amount).orElse(null));
        events.publish(ErpEventType.LIMIT_CHANGED, d.customer().code(), null, payload);
        return d.request().decided(LimitRequestStatus.APPROVED, caller.username(), now, blankToNull(comment));
    }

    @Transactional
    public CreditLimitRequest reject(long requestId, @Nullable String comment, Caller caller) {
        if (comment == null || comment.isBlank()) {
            throw ProblemException.ruleViolation("comment", "a rejection needs a comment saying why")
                    .withKey("problem.text.aRejectionNeedsACommentSayingWhy");
        }
        Decidable d = decidable(requestId, caller, "reject");
        requireAuthority(d, caller, "reject");
        OffsetDateTime now = now();
        repository.decide(requestId, LimitRequestStatus.REJECTED, caller.username(), now, comment.strip());
        CreditLimitRequest after =
                d.request().decided(LimitRequestStatus.REJECTED, caller.username(), now, comment.strip());
        audit.record(
                caller.username(), "LIMIT_REJECTED", AUDIT_SUBJECT, d.customer().code(), d.request(), after, comment);
        return after;
    }

    /**
     * Lowers the customer's overall limit by {@code share} (0 to 1) as a new approved version, e.g.
     * when a credit manager reinstates a customer after a bounced cheque. A cut only lowers risk, so
     * it needs no second pair of eyes: the rule requests it, the caller approves it (both recorded).
     * Empty when the customer has no overall limit; 409 while a request for that line is pending.
     */
    @Transactional
    public Optional<CreditLimitVersion> reduce(CustomerRef customer, BigDecimal share, String reason, Caller caller) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share must be between 0 and 1: " + share);
        }
        Optional<CreditLimitVersion> before = repository.currentLine(customer.id(), null);
        if (before.isEmpty()) return Optional.empty();
        repository.pendingFor(customer.id(), null).ifPresent(id -> {
            throw ProblemException.conflict(
                            "Request %d for this credit line is still pending; approve or reject it first"
                                    .formatted(id))
                    .withKey("problem.text.requestForThisCreditLineIsStill", id);
        });
        CreditLimitVersion current = before.get();
        Currency currency = Currency.getInstance(current.currency());
        BigDecimal amount = current.amount()
                .multiply(BigDecimal.ONE.subtract(share))
                .setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.DOWN);
        LocalDate today = calendar.today();
        OffsetDateTime now = now();
        CreditLimitRequest request = new CreditLimitRequest(
                0,
                customer.code(),
                customer.areaCode(),
                null,
                amount,
                currency.getCurrencyCode(),
                today,
                current.validUntil().isBefore(today) ? today : current.validUntil(),
                current.reviewOn() == null || current.reviewOn().isBefore(today) ? null : current.reviewOn(),
                reason,
                LimitRequestStatus.PENDING,
                RULE_REQUESTER,
                now,
                null,
                null,
                null);
        long id = repository.insertRequest(customer.id(), request);
        repository.decide(id, LimitRequestStatus.APPROVED, caller.username(), now, reason);
        repository.putInForce(customer.id(), repository.request(id).orElseThrow(), caller.username(), now);
        CreditLimitVersion after = repository.currentLine(customer.id(), null).orElseThrow();
        audit.record(caller.username(), "LIMIT_REDUCED", AUDIT_SUBJECT, customer.code(), current, after, reason);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("requestId", id);
        payload.put("contractNo", null);
        payload.put("creditLimit", after.amount());
        payload.put("currency", after.currency());
        payload.put("validFrom", after.validFrom());
        payload.put("validUntil", after.validUntil());
        payload.put("previousLimit", current.amount());
        events.publish(ErpEventType.LIMIT_CHANGED, customer.code(), null, payload);
        return Optional.of(after);
    }

    /** The approvers' inbox (or any status); area-scoped callers see only their areas' customers. */
    @Transactional(readOnly = true)
    public List<CreditLimitRequest> requests(@Nullable LimitRequestStatus status, Caller caller) {
        return repository.requests(status, caller.areaFilter(), INBOX_SIZE);
    }

    @Transactional(readOnly = true)
    public CreditLimitRequest requestById(long requestId, Caller caller) {
        CreditLimitRequest request = repository
                .request(requestId)
                .filter(r -> caller.sees(r.areaCode()))
                .orElseThrow(() -> ProblemException.notFound("Unknown credit limit request " + requestId)
                        .withKey("problem.text.unknownCreditLimitRequest", requestId));
        customers.require(request.customerCode(), caller);
        return request;
    }

    /** The ids of those requests the caller could approve now: pending, not their own, within their authority. */
    @Transactional(readOnly = true)
    public Set<Long> approvableBy(Caller caller, List<CreditLimitRequest> requests) {
        Authority authority = authorities.authority();
        Map<Long, Set<String>> warned =
                warnings.codes(requests.stream().map(CreditLimitRequest::id).toList());
        Map<String, Set<Role>> approvers = warnings.approvers();
        return requests.stream()
                .filter(r -> r.status() == LimitRequestStatus.PENDING)
                .filter(r -> !r.requestedBy().equals(caller.username()))
                .filter(r -> authority.decide(caller, AuthorityAction.APPROVE_LIMIT, r.money(), r.areaCode())
                        instanceof AuthorityDecision.Allowed)
                .filter(r ->
                        LimitWarningRepository.allows(warned.getOrDefault(r.id(), Set.of()), approvers, caller.roles()))
                .map(CreditLimitRequest::id)
                .collect(Collectors.toSet());
    }

    @Transactional(readOnly = true)
    public CreditLimitOverview overview(String customerCode, @Nullable LocalDate asOf, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        LocalDate date = calendar.asOfOrToday(asOf);
        List<CreditLimitVersion> history = repository.history(customer.id());
        CreditLimitOverview.Line overall = null;
        List<CreditLimitOverview.Line> contracts = new ArrayList<>();
        for (CreditLimitVersion version : history) {
            if (version.supersededAt() != null) continue;
            CreditLimitOverview.Line line = view(line(customer.id(), version, date), version);
            if (version.contractNo() == null) overall = line;
            else contracts.add(line);
        }
        return new CreditLimitOverview(
                customer.code(),
                date,
                overall,
                contracts,
                repository.securities(customer.id()),
                history,
                repository.requestsOf(customer.id(), LimitRequestStatus.PENDING));
    }

    @Transactional
    public CreditSecurity addSecurity(String customerCode, NewSecurity input, Caller caller) {
        Permissions.require(caller, Permissions.SECURITY_KEEPERS, "record securities");
        CustomerRef customer = customers.require(customerCode, caller);
        CreditSecurity security =
                LimitRequestRules.validate(input, calendar.baseCurrency(), calendar.today(), caller.username(), now());
        long id = repository.insertSecurity(customer.id(), security);
        CreditSecurity saved = repository.securities(customer.id()).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow();
        audit.record(
                caller.username(), "SECURITY_ADDED", AUDIT_SUBJECT, customer.code(), null, saved, saved.reference());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("securityId", id);
        payload.put("securityType", saved.type());
        payload.put("contractNo", saved.contractNo());
        payload.put("amount", saved.amount());
        payload.put("currency", saved.currency());
        payload.put("expiresOn", saved.expiresOn());
        events.publish(ErpEventType.LIMIT_CHANGED, customer.code(), null, payload);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<CreditSecurity> securities(String customerCode, Caller caller) {
        return repository.securities(customers.require(customerCode, caller).id());
    }

    private record Decidable(CreditLimitRequest request, CustomerRef customer) {}

    private Decidable decidable(long requestId, Caller caller, String verb) {
        CreditLimitRequest request = repository
                .lockRequest(requestId)
                .filter(r -> caller.sees(r.areaCode()))
                .orElseThrow(() -> ProblemException.notFound("Unknown credit limit request " + requestId)
                        .withKey("problem.text.unknownCreditLimitRequest", requestId));
        CustomerRef customer = customers.require(request.customerCode(), caller);
        if (request.status() != LimitRequestStatus.PENDING) {
            throw ProblemException.conflict("Request %d was already %s by %s; it cannot be %sd again"
                            .formatted(requestId, request.status(), request.decidedBy(), verb))
                    .withKey(
                            "problem.text.requestWasAlreadyByItCannotBe",
                            requestId,
                            request.status(),
                            request.decidedBy(),
                            verb);
        }
        return new Decidable(request, customer);
    }

    private void requireAuthority(Decidable d, Caller caller, String verb) {
        AuthorityDecision decision = authorities
                .authority()
                .decide(
                        caller,
                        AuthorityAction.APPROVE_LIMIT,
                        d.request().money(),
                        d.customer().areaCode());
        switch (decision) {
            case AuthorityDecision.Allowed allowed -> {}
            case AuthorityDecision.Denied denied ->
                throw ProblemException.forbidden("You may not " + verb + " this request. " + denied.reason())
                        .withKey("problem.text.youMayNotThisRequest", verb, denied.reason());
        }
    }

    /** The warnings a request carries (PLAN_EXCEEDED: over the approved fund plan). */
    @Transactional(readOnly = true)
    public List<LimitWarning> warnings(long requestId, Caller caller) {
        return warnings.warnings(requestById(requestId, caller).id());
    }

    /**
     * Records PLAN_EXCEEDED when the customer's overall limit in the company currency, fully drawn,
     * would take a node of the approved fund plan over plan; returns the warning's text or null.
     */
    private @Nullable String planWarning(CustomerRef customer, CreditLimitRequest request, LocalDate asOf) {
        if (request.contractNo() != null
                || !request.currency().equals(calendar.baseCurrency().getCurrencyCode())) {
            return null;
        }
        List<String> excess = warnings.planExcess(customer.id(), request.amount(), asOf);
        if (excess.isEmpty()) return null;
        String detail = String.join("; ", excess);
        warnings.record(request.id(), new LimitWarning(LimitWarningRepository.PLAN_EXCEEDED, detail));
        return LimitWarningRepository.PLAN_EXCEEDED + ": " + detail;
    }

    private void requireWarningAuthority(long requestId, Caller caller) {
        Map<String, Set<Role>> approvers = warnings.approvers();
        for (LimitWarning warning : warnings.warnings(requestId)) {
            Set<Role> roles = approvers.getOrDefault(warning.code(), Set.of());
            if (roles.stream().noneMatch(caller::has)) {
                throw ProblemException.forbidden("This request carries %s (%s); only %s may approve it"
                                .formatted(warning.code(), warning.detail(), roles))
                        .withKey(
                                "problem.text.thisRequestCarriesOnlyMayApproveIt",
                                warning.code(),
                                warning.detail(),
                                roles);
            }
        }
    }

    private CustomerCreditLine line(long customerId, CreditLimitVersion version, LocalDate asOf) {
        Currency currency = Currency.getInstance(version.currency());
        Money securities = repository.validSecurities(customerId, version.contractNo(), asOf).stream()
                .filter(s -> s.currency().equals(version.currency()))
                .map(s -> new Money(s.amount(), currency))
                .reduce(Money.zero(currency), Money::plus);
        return new CustomerCreditLine(
                customerId,
                version.contractNo(),
                new Money(version.amount(), currency),
                securities,
                version.validFrom(),
                version.validUntil(),
                version.reviewOn(),
                LimitState.of(version.validFrom(), version.validUntil(), asOf));
    }

    private static CreditLimitOverview.Line view(CustomerCreditLine line, CreditLimitVersion version) {
        return new CreditLimitOverview.Line(
                line.contractNo(),
                line.limit().amount(),
                line.limit().currency().getCurrencyCode(),
                line.securities().amount(),
                line.usable().amount(),
                line.validFrom(),
                line.validUntil(),
                line.reviewOn(),
                line.state(),
                version.approvedBy());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String reasonWithComment(String reason, @Nullable String comment) {
        return comment == null || comment.isBlank() ? reason : reason + " | approval: " + comment.strip();
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
