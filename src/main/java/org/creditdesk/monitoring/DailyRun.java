package org.creditdesk.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.creditdesk.credit.CustomerHolds;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run for one business date: one pass over the ledger for the aging (kept as the date's
 * snapshot for trends and past-date views), the ladder evaluated
 * on it (episodes, tasks, e-mails), automatic OVERDUE holds placed and lifted, legal cases opened for
 * level 4, and a history row. All set-based, in one transaction: a run killed half-way leaves nothing
 * behind and the next run does the whole work, and every step finds what an earlier run of the date
 * did (unique keys), so running a date again changes nothing. A PostgreSQL advisory lock keeps the run
 * to one instance at a time when several share the database; the other one answers 409.
 *
 * <p>Holds follow the newest date: a run for a date older than the newest completed run evaluates and
 * records its ladder (history only moves forward there too) but places and lifts no holds, which
 * describe today's state.
 */
@Service
public class DailyRun {

    private static final Logger log = LoggerFactory.getLogger(DailyRun.class);
    private static final Set<Role> RUNNERS = Set.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.GENERAL_MANAGER);
    static final int HISTORY_LIMIT = 200;

    /** Who places the run's holds and opens its cases in the audit trail and the ERP feed. */
    static final Caller RUN = new Caller("daily-run", Set.of(Role.ADMIN), Set.of());

    /** A test's hook between the steps (e.g. to fail one on purpose); the steps are named below. */
    interface StepHook {
        void after(String step);
    }

    static final StepHook NO_HOOK = step -> {};

    private final DailyRunRepository repository;
    private final AgingSnapshotRepository snapshots;
    private final EscalationRun escalationRun;
    private final CustomerHolds holds;
    private final LegalCases legalCases;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separately;
    private final DailyRunSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private volatile StepHook hook = NO_HOOK;

    DailyRun(
            DailyRunRepository repository,
            AgingSnapshotRepository snapshots,
            EscalationRun escalationRun,
            CustomerHolds holds,
            LegalCases legalCases,
            BusinessCalendar calendar,
            Clock clock,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            DailyRunSettings settings,
            AuditTrail audit) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.escalationRun = escalationRun;
        this.holds = holds;
        this.legalCases = legalCases;
        this.calendar = calendar;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    void hook(StepHook hook) {
        this.hook = hook;
    }

    /** Runs the date (default: today in the company's time zone) for ADMIN, CREDIT_MANAGER, GENERAL_MANAGER. */
    public DailyRunResult run(@Nullable LocalDate asOf, Caller caller) {
        return run(DailyRunRequest.of(asOf), caller);
    }

    /**
     * Runs the request's date. A date more than {@code max-days-ahead} days after today is refused
     * (422) unless an ADMIN forces it with a reason; a reset (ADMIN, reason) makes an earlier date the
     * newest again. The start is recorded at once in its own transaction (RUNNING), so a run killed
     * half-way stays visible as INTERRUPTED with its start time.
     */
    public DailyRunResult run(DailyRunRequest request, Caller caller) {
        if (caller.roles().stream().noneMatch(RUNNERS::contains) || caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden("Only ADMIN, CREDIT_MANAGER and GENERAL_MANAGER start the daily run")
                    .withKey("problem.text.onlyADMINCREDITMANAGERAndGENERALMANAGER");
        }
        LocalDate date = calendar.asOfOrToday(request.asOf());
        DateGuard.check(date, calendar.today(), settings.maxDaysAhead(), request, caller);
        OffsetDateTime startedAt = now();
        long started = System.nanoTime();
        long[] runId = {0};
        try {
            DailyRunResult result = transaction.execute(status -> {
                if (!repository.tryLock()) {
                    throw ProblemException.conflict("A daily run is in progress on another instance; try again later")
                            .withKey("problem.text.aDailyRunIsInProgressOn");
                }
                holds.serialiseBulkAccountWrites();
                runId[0] = separately.execute(inner -> {
                    repository.markInterrupted();
                    return repository.start(date, caller.username(), startedAt);
                });
                return work(runId[0], date, request, caller, startedAt, started);
            });
            log.info(
                    "Daily run {} done in {} ms ({} ms with the commit): {}",
                    date,
                    result.durationMs(),
                    elapsed(started),
                    result);
            return result;
        } catch (ProblemException refused) {
            if (runId[0] != 0) recordFailure(runId[0], date, caller, startedAt, started, refused);
            throw refused;
        } catch (RuntimeException e) {
            log.error("Daily run {} failed; nothing of it was kept", date, e);
            recordFailure(runId[0], date, caller, startedAt, started, e);
            throw e;
        }
    }

    private void recordFailure(
            long runId, LocalDate date, Caller caller, OffsetDateTime startedAt, long started, RuntimeException e) {
        separately.executeWithoutResult(status -> {
            if (runId != 0) {
                repository.fail(runId, now(), elapsed(started), String.valueOf(e.getMessage()));
            } else {
                repository.insert(new DailyRunRecord(
                        0,
                        date,
                        "FAILED",
                        caller.username(),
                        startedAt,
                        now(),
                        elapsed(started),
                        0,
                        0,
                        0,
                        Map.of(),
                        Map.of(),
                        0,
                        0,
                        0,
                        List.of(),
                        String.valueOf(e.getMessage())));
            }
        });
    }

    /** The history, newest first; a RUNNING row no run holds the lock for any more reads INTERRUPTED. */
    public List<DailyRunRecord> history() {
        separately.executeWithoutResult(status -> {
            if (repository.tryLock()) repository.markInterrupted();
        });
        return repository.history(HISTORY_LIMIT);
    }

    /** One page of the history, newest first, with the count of all runs (the run history page). */
    public Page<DailyRunRecord> history(int page, int size) {
        separately.executeWithoutResult(status -> {
            if (repository.tryLock()) repository.markInterrupted();
        });
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, HISTORY_LIMIT);
        return new Page<>(
                repository.history(safePage * safeSize, safeSize), safePage, safeSize, repository.historyCount());
    }

    private DailyRunResult work(
            long runId,
            LocalDate asOf,
            DailyRunRequest request,
            Caller caller,
            OffsetDateTime startedAt,
            long started) {
        if (request.reset()) {
            int superseded = repository.supersedeAfter(asOf);
            snapshots.forgetAfter(asOf);
            audit.record(
                    caller.username(),
                    "DAILY_RUN_RESET",
                    "daily_run",
                    asOf.toString(),
                    null,
                    Map.of("asOf", asOf.toString(), "supersededRuns", superseded),
                    request.reason());
        }
        if (request.force()) {
            audit.record(
                    caller.username(),
                    "DAILY_RUN_FORCED",
                    "daily_run",
                    asOf.toString(),
                    null,
                    Map.of("asOf", asOf.toString(), "today", calendar.today().toString()),
                    request.reason());
        }
        StepTimes steps = new StepTimes();
        LocalDate newest = repository.newestCompleted();
        boolean newestDate = newest == null || !asOf.isBefore(newest);
        DailyRunRepository.AgingSource agingSource = repository.fillAging(asOf);
        steps.after("aging from " + agingSource.name().toLowerCase(Locale.ROOT));
        snapshots.keep(asOf, calendar.today());
        hook.after("aging");
        steps.after("snapshot");
        EscalationRunResult ladder = escalationRun.evaluateOnDailyAging(asOf);
        hook.after("escalations");
        steps.after("escalations");
        CustomerHolds.OverdueHolds changed = newestDate
                ? holds.followOverdue(asOf, escalationRun.graceDays(), escalationRun.beyondGrace(asOf), RUN)
                : new CustomerHolds.OverdueHolds(0, 0);
        hook.after("holds");
        steps.after("holds");
        int cases = legalCases.openForLevel4(asOf, RUN);
        hook.after("legal-cases");
        steps.after("legal-cases");
        List<DailyRunRecord.AgingLine> aging = repository.agingSummary();
        steps.after("summary");
        long durationMs = elapsed(started);
        DailyRunRecord record = new DailyRunRecord(
                0,
                asOf,
                "COMPLETED",
                caller.username(),
                startedAt,
                now(),
                durationMs,
                ladder.customersEvaluated(),
                changed.placed(),
                changed.lifted(),
                new TreeMap<>(ladder.customersAtLevel()),
                new TreeMap<>(ladder.entered()),
                ladder.tasksCreated(),
                ladder.mailsQueued(),
                cases,
                aging,
                null);
        long id = runId;
        repository.complete(id, record);
        events.publishEvent(new DailyRunCompleted(id, asOf));
        steps.after("listeners in the run's transaction");
        log.info("Daily run {} steps (ms, before the commit): {}", asOf, steps);
        return new DailyRunResult(
                id,
                asOf,
                record.customersEvaluated(),
                record.newHolds(),
                record.releasedHolds(),
                record.escalations(),
                record.lettersGenerated(),
                record.escalationsEntered(),
                record.tasksCreated(),
                record.legalCasesOpened(),
                durationMs);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Milliseconds per step of one run, for the log (bench daily-run reads what dominates from it). */
    private static final class StepTimes {
        private final Map<String, Long> millis = new java.util.LinkedHashMap<>();
        private long mark = System.nanoTime();

        void after(String step) {
            long now = System.nanoTime();
            millis.put(step, TimeUnit.NANOSECONDS.toMillis(now - mark));
            mark = now;
        }

        @Override
        public String toString() {
            return millis.toString();
        }
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
