package org.creditdesk.collections;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the worklist of the run's date once the daily run has committed (on a listener thread, in a
 * transaction of its own): a first run of a date builds every customer's entry, a rerun with the same settings
 * replays only the customers touched since. Outside the run on purpose: the stored worklist is a faster way to
 * the same rows, so building it neither lengthens the run (the answer to the run's request does not wait for it)
 * nor can undo it; until it commits, pages of the date are computed live. Only for a run of the current business day
 * (not the demo's replayed history or a catch-up of an older date) unless
 * {@code creditdesk.collections.store-worklist-of-any-run} (the benchmarks, whose portfolio date is past).
 */
@Component
class WorklistOnDailyRun {

    private static final Logger log = LoggerFactory.getLogger(WorklistOnDailyRun.class);

    private final WorklistRepository repository;
    private final SettingsRepository settings;
    private final TransactionTemplate transaction;
    private final TransactionTemplate outside;
    private final BusinessCalendar calendar;
    private final boolean anyRun;

    WorklistOnDailyRun(
            WorklistRepository repository,
            SettingsRepository settings,
            PlatformTransactionManager transactions,
            BusinessCalendar calendar,
            @Value("${creditdesk.collections.store-worklist-of-any-run:false}") boolean anyRun) {
        this.repository = repository;
        this.settings = settings;
        this.calendar = calendar;
        this.anyRun = anyRun;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Async
    @TransactionalEventListener(fallbackExecution = true)
    void on(DailyRunCompleted run) {
        if (!anyRun && !run.ofTheCurrentDay(calendar.today())) return;
        long started = System.nanoTime();
        try {
            Integer stored = transaction.execute(tx -> {
                CollectionsSettings s = settings.load();
                int n = repository.storedFor(run.asOf(), s) ? repository.replay() : repository.rebuild(run.asOf(), s);
                repository.recordBuild((System.nanoTime() - started) / 1_000_000);
                return n;
            });
            // Rewritten rows clear the visibility map: without it the page's count of the area's entries reads
            // the heap (35 ms for an area of 14,000 at 100,000 customers instead of 2 ms).
            outside.executeWithoutResult(tx -> repository.vacuum());
            log.info(
                    "Worklist of {} stored: {} customers' entries in {} ms",
                    run.asOf(),
                    stored,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The run has committed; without a stored worklist the pages of the date are computed live.
            log.warn("Worklist of {} not stored; its pages are computed live", run.asOf(), e);
        }
    }
}
