package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.customers.Page;
import org.creditdesk.customers.ReceivablesSummary;
import org.creditdesk.customers.ReceivablesView;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal cases: opened at escalation level 4 by the daily run (or by another module through
 * {@link #open}), moved along by the lawyer, closed when settled or written off. While a case is in
 * progress the customer's credit carries the {@code LEGAL} fact, so every credit check blocks with
 * {@code LEGAL}; closing the case clears it.
 *
 * <p>Lawyer assignment: the enabled LEGAL user with the fewest cases in progress (then by username);
 * a batch of new cases is dealt round-robin in that order. Areas play no part: the company's lawyers
 * serve every area.
 */
@Service
public class LegalCases {

    static final String AUDIT_SUBJECT = "LEGAL_CASE";
    static final String LEVEL_4 = "LEVEL_4";
    static final int LIST_LIMIT = 500;
    static final int AUDIT_SLICE = 10_000;
    private static final Set<Role> EDITORS = Set.of(Role.LEGAL, Role.CREDIT_MANAGER, Role.GENERAL_MANAGER);

    private final LegalCaseRepository repository;
    private final CreditAccounts accounts;
    private final ReceivablesView receivables;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;

    LegalCases(
            LegalCaseRepository repository,
            CreditAccounts accounts,
            ReceivablesView receivables,
            AuditTrail audit,
            BusinessCalendar calendar,
            Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.receivables = receivables;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Opens a legal case for the customer, claiming everything open on {@code asOf}, and blocks its credit
     * with {@code LEGAL}. Idempotent: while a case is in progress it is returned unchanged.
     *
     * @param reason why the case is opened, e.g. {@code SECOND_BOUNCED_CHEQUE}
     */
    @Transactional
    public LegalCase open(long customerId, String reason, LocalDate asOf, Caller caller) {
        if (reason.isBlank())
            throw ProblemException.ruleViolation("reason", "is required").withKey("problem.text.isRequired");
        ReceivablesSummary summary = receivables.summaryOf(customerId, asOf);
        String currency = repository
                .currencyOf(customerId)
                .orElseThrow(() -> ProblemException.notFound("Unknown customer " + customerId)
                        .withKey("problem.text.unknownCustomer", customerId));
        var id = repository.open(
                customerId,
                reason.strip(),
                asOf,
                summary.openReceivables().max(BigDecimal.ZERO),
                currency,
                caller.username());
        LegalCase opened = repository.openOf(customerId).orElseThrow();
        if (id.isPresent()) {
            audit.record(
                    caller.username(),
                    "LEGAL_CASE_OPENED",
                    AUDIT_SUBJECT,
                    String.valueOf(opened.id()),
                    null,
                    opened,
                    reason);
            accounts.markLegal(List.of(customerId), true, "Legal case " + opened.id() + " opened", caller);
        }
        return opened;
    }

    /** The daily run's step: a case for each customer newly on level 4, set-based; how many were opened. */
    @Transactional
    int openForLevel4(LocalDate asOf, Caller caller) {
        List<Long> customers = repository.openForLevel4(asOf, caller.username());
        if (customers.isEmpty()) return 0;
        // In slices, as the holds: a first run at 1,000,000 customers opened 40,316 cases at once.
        for (int from = 0; from < customers.size(); from += AUDIT_SLICE) {
            audit.recordAll(
                    caller.username(),
                    "LEGAL_CASE_OPENED",
                    "CUSTOMER",
                    repository.codesOf(customers.subList(from, Math.min(customers.size(), from + AUDIT_SLICE))).stream()
                            .map(code -> new AuditTrail.Change(
                                    code, null, java.util.Map.of("reason", LEVEL_4, "asOf", asOf.toString())))
                            .toList(),
                    "Escalation level 4 as of " + asOf);
        }
        accounts.markLegal(customers, true, "Legal case opened at escalation level 4 as of " + asOf, caller);
        return customers.size();
    }

    @Transactional(readOnly = true)
    public List<LegalCase> list(@Nullable String status, Caller caller) {
        return repository.list(
                status == null || status.isBlank() ? null : status(status), caller.areaFilter(), LIST_LIMIT);
    }

    /**
     * One page of the cases the caller may see, filtered and paged in the database (open ones first,
     * newest first), with the count of all that match.
     */
    @Transactional(readOnly = true)
    public Page<LegalCase> page(
            @Nullable String status,
            @Nullable String area,
            @Nullable String lawyer,
            int page,
            int size,
            Caller caller) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, LIST_LIMIT);
        var filter = new LegalCaseRepository.Filter(
                status == null || status.isBlank() ? null : status(status),
                caller.areaFilter(),
                area == null || area.isBlank() ? null : area.strip(),
                lawyer == null || lawyer.isBlank() ? null : lawyer.strip());
        return new Page<>(
                repository.page(filter, safePage * safeSize, safeSize), safePage, safeSize, repository.count(filter));
    }

    /** A case the caller may see; an unknown one or one outside the caller's areas is not found. */
    @Transactional(readOnly = true)
    public LegalCase get(long id, Caller caller) {
        return repository
                .find(id)
                .filter(c -> caller.sees(c.areaCode()))
                .orElseThrow(() -> ProblemException.notFound("Unknown legal case " + id)
                        .withKey("problem.text.unknownLegalCase", id));
    }

    /**
     * Moves the case on. The same status again with nothing new changes nothing; a step back or a change
     * to a closed case is refused (422). Closing it (SETTLED, WRITTEN_OFF) lifts the {@code LEGAL} block.
     */
    @Transactional
    public LegalCase changeStatus(long id, LegalCaseChange change, Caller caller) {
        if (caller.roles().stream().noneMatch(EDITORS::contains) || caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden("Only LEGAL, CREDIT_MANAGER and GENERAL_MANAGER move legal cases")
                    .withKey("problem.text.onlyLEGALCREDITMANAGERAndGENERALMANAGER");
        }
        if (change.status() == null || change.status().isBlank()) {
            throw ProblemException.malformed("Invalid change", List.of(Violation.field("status", "is required")))
                    .withKey("problem.text.invalidChange");
        }
        LegalCaseStatus next = status(change.status());
        BigDecimal recovered = change.amountRecovered();
        if (recovered != null
                && (recovered.signum() < 0 || recovered.stripTrailingZeros().scale() > 2)) {
            throw ProblemException.ruleViolation("amountRecovered", "must be zero or more with at most 2 decimals")
                    .withKey("problem.text.mustBeZeroOrMoreWithAt");
        }
        long customerId = repository
                .lock(id)
                .orElseThrow(() -> ProblemException.notFound("Unknown legal case " + id)
                        .withKey("problem.text.unknownLegalCase", id));
        LegalCase before = get(id, caller);
        String note = change.note() == null || change.note().isBlank()
                ? null
                : change.note().strip();
        BigDecimal newRecovered = recovered == null ? before.amountRecovered() : recovered.setScale(2);
        boolean sameStatus = next == before.status();
        if (sameStatus && note == null && newRecovered.compareTo(before.amountRecovered()) == 0) return before;
        if (!sameStatus && !before.status().canMoveTo(next)) {
            throw ProblemException.ruleViolation(
                            "status", "a %s case cannot move to %s".formatted(before.status(), next))
                    .withKey("problem.text.aCaseCannotMoveTo", before.status(), next);
        }
        if (sameStatus && before.status().closed()) {
            throw ProblemException.ruleViolation("status", "the case is closed")
                    .withKey("problem.text.theCaseIsClosed");
        }
        LocalDate today = calendar.today();
        String line = "%s %s: %s%s".formatted(today, caller.username(), next, note == null ? "" : " — " + note);
        String notes = before.notes() == null ? line : before.notes() + "\n" + line;
        repository.update(
                id,
                next,
                newRecovered,
                notes,
                next.closed() ? today : null,
                caller.username(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        LegalCase after = repository.find(id).orElseThrow();
        audit.record(
                caller.username(), "LEGAL_CASE_" + next.name(), AUDIT_SUBJECT, String.valueOf(id), before, after, note);
        if (next.closed() && !before.status().closed()) {
            accounts.markLegal(List.of(customerId), false, "Legal case " + id + " " + next, caller);
        }
        return after;
    }

    private static LegalCaseStatus status(String text) {
        try {
            return LegalCaseStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.malformed(
                            "Unknown status",
                            List.of(Violation.field(
                                    "status", "must be one of " + Arrays.toString(LegalCaseStatus.values()))))
                    .withKey("problem.text.unknownStatus");
        }
    }
}
