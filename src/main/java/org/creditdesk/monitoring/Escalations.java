package org.creditdesk.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.credit.CreditPolicy;
import org.creditdesk.credit.EscalationPolicy;
import org.creditdesk.credit.EscalationStep;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation ladder and where customers stand on it: computed for the whole portfolio in one
 * statement as of any date, with the responsible people; the tasks of each person; each customer's
 * history of levels.
 */
@Service
public class Escalations {

    /** The largest page of the board and of the paged API. */
    public static final int MAX_PAGE_SIZE = 500;

    private final EscalationRepository repository;
    private final AgingRepository aging;
    private final EscalationTodayRepository todays;
    private final CreditPolicies policies;
    private final Customers customers;
    private final BusinessCalendar calendar;
    private final Clock clock;

    Escalations(
            EscalationRepository repository,
            AgingRepository aging,
            EscalationTodayRepository todays,
            CreditPolicies policies,
            Customers customers,
            BusinessCalendar calendar,
            Clock clock) {
        this.repository = repository;
        this.aging = aging;
        this.todays = todays;
        this.policies = policies;
        this.customers = customers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The ladder in force: the credit policy's thresholds and grace, monitoring's responsibilities. */
    @Transactional(readOnly = true)
    public EscalationLadder ladder() {
        return ladder(repository.responsibilities());
    }

    /** The levels alone (who is responsible left out): enough to place a customer on the ladder, one read less. */
    EscalationLadder levels() {
        EscalationPolicy policy = policies.escalation();
        return new EscalationLadder(
                policy.graceDays(),
                policy.steps().stream()
                        .map(step -> new Rung(step.level(), step.fromDays(), List.of()))
                        .toList());
    }

    private EscalationLadder ladder(Map<Integer, List<Responsibility>> responsible) {
        CreditPolicy policy = policies.current();
        List<Rung> rungs = new ArrayList<>();
        for (EscalationStep step : policy.escalation()) {
            rungs.add(new Rung(step.level(), step.fromDays(), responsible.getOrDefault(step.level(), List.of())));
        }
        return new EscalationLadder(policy.graceDays(), rungs);
    }

    /** Every escalated customer as of the date (all levels or one), the caller's areas only, most urgent first. */
    @Transactional(readOnly = true)
    public List<Escalation> escalations(@Nullable LocalDate asOf, @Nullable Integer level, Caller caller) {
        requireLevel(level);
        LocalDate date = calendar.asOfOrToday(asOf);
        return repository
                .board(date, source(date), ladder(), level, caller.areaFilter(), null, null, 0, null)
                .rows()
                .stream()
                .map(Escalations::escalation)
                .toList();
    }

    /**
     * One page of {@link #escalations}: the same rows in the same order, paged in the database, with the
     * count of all of them (the level's count when a level is asked).
     */
    @Transactional(readOnly = true)
    public Page<Escalation> escalations(
            @Nullable LocalDate asOf, @Nullable Integer level, int page, int size, Caller caller) {
        Page.requireValid(page, size, MAX_PAGE_SIZE);
        return board(asOf, level, null, null, page, size, caller).page();
    }

    private static void requireLevel(@Nullable Integer level) {
        if (level != null && (level < 1 || level > 4)) {
            throw ProblemException.malformed(
                            "level must be 1 to 4", List.of(Violation.field("level", "must be 1 to 4")))
                    .withKey("problem.text.levelMustBe1To4");
        }
    }

    /**
     * One page of the escalation board, filtered and paged in the database: the caller's areas, then
     * optionally a level, an area and a responsible person (username); with the count of customers per
     * level under the same filters (the level filter aside).
     */
    @Transactional(readOnly = true)
    public EscalationBoard board(
            @Nullable LocalDate asOf,
            @Nullable Integer level,
            @Nullable String area,
            @Nullable String owner,
            int page,
            int size,
            Caller caller) {
        requireLevel(level);
        LocalDate date = calendar.asOfOrToday(asOf);
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        EscalationLadder ladder = ladder();
        EscalationRepository.BoardPage found = repository.board(
                date,
                source(date),
                ladder,
                level,
                caller.areaFilter(),
                blankToNull(area),
                blankToNull(owner),
                safePage * safeSize,
                safeSize);
        long total = level == null
                ? found.levelCounts().values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                : found.levelCounts().getOrDefault(level, 0L);
        return new EscalationBoard(
                date,
                ladder,
                new Page<>(found.rows().stream().map(Escalations::escalation).toList(), safePage, safeSize, total),
                found.levelCounts());
    }

    /**
     * Today's stored facts when today's daily run stored them (plus the customers touched since, so the answer is
     * the live one), the invoices' open amounts for another date nothing was settled after, else the replayed
     * allocation history.
     */
    EscalationRepository.Source source(LocalDate date) {
        if (!aging.openAmountsHold(date)) return EscalationRepository.Source.REPLAYED;
        return todays.serves(date)
                ? EscalationRepository.Source.STORED_TODAY
                : EscalationRepository.Source.OPEN_AMOUNTS;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The caller's escalation tasks, open ones first. */
    @Transactional(readOnly = true)
    public List<EscalationTask> tasksOf(Caller caller, boolean openOnly) {
        return repository.tasksOf(caller.username(), openOnly, 0, 500);
    }

    /** One page of the caller's tasks (open ones first), paged in the database, with the count of all. */
    @Transactional(readOnly = true)
    public Page<EscalationTask> tasksOf(Caller caller, boolean openOnly, int page, int size) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, 500);
        return new Page<>(
                repository.tasksOf(caller.username(), openOnly, safePage * safeSize, safeSize),
                safePage,
                safeSize,
                repository.countTasksOf(caller.username(), openOnly));
    }

    /** One of the caller's own tasks, open or done. */
    @Transactional(readOnly = true)
    public Optional<EscalationTask> taskOf(Caller caller, long taskId) {
        return repository.taskOf(caller.username(), taskId);
    }

    /** Marks one of the caller's own open tasks done; another person's task or a done one is not found. */
    @Transactional
    public void completeTask(long taskId, @Nullable String note, Caller caller) {
        if (caller.has(Role.AUDITOR))
            throw ProblemException.forbidden("Auditors read only").withKey("problem.text.auditorsReadOnly");
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!repository.completeTask(taskId, caller.username(), now, trimmed)) {
            throw ProblemException.notFound("No open escalation task " + taskId + " of " + caller.username())
                    .withKey("problem.text.noOpenEscalationTaskOf", taskId, caller.username());
        }
    }

    /** When the customer entered and left each level, oldest first. */
    @Transactional(readOnly = true)
    public List<EscalationEpisode> history(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.history(customer.id());
    }

    private static Escalation escalation(EscalationRepository.Row row) {
        Escalation.LastAction last = row.lastActionAt() == null
                ? null
                : new Escalation.LastAction(
                        row.lastActionAt(), String.valueOf(row.lastActionBy()), row.lastActionNote());
        return new Escalation(
                row.customerCode(),
                row.customerName(),
                row.areaCode(),
                row.level(),
                row.daysOverdue(),
                row.oldestDueDate(),
                row.overdueAmount(),
                row.currency(),
                row.procedural(),
                row.responsibleRoles(),
                row.responsiblePeople(),
                row.enteredOn(),
                last);
    }
}
