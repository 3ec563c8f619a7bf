package org.creditdesk.collections;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Inside the daily run's transaction (a synchronous listener, so an interrupted run leaves nothing):
 * evaluates the promises from payments as of the run's date, counts the stalled chains and stores the
 * worklist of the run's date (after the promises, whose statuses it reads). Rerunning a date gives the same
 * statuses.
 */
@Component
class CollectionsOnDailyRun {

    private static final Logger log = LoggerFactory.getLogger(CollectionsOnDailyRun.class);

    private final Promises promises;
    private final SettingsRepository settings;
    private final DailyCollectionsRepository repository;
    private final ApplicationEventPublisher events;
    private final WorklistRepository worklists;

    CollectionsOnDailyRun(
            Promises promises,
            SettingsRepository settings,
            DailyCollectionsRepository repository,
            ApplicationEventPublisher events,
            WorklistRepository worklists) {
        this.promises = promises;
        this.settings = settings;
        this.repository = repository;
        this.events = events;
        this.worklists = worklists;
    }

    @EventListener
    void on(DailyRunCompleted run) {
        long started = System.nanoTime();
        Promises.EvaluationResult result = promises.evaluate(run.asOf(), "daily-run");
        CollectionsSettings s = settings.load();
        int stalled = repository.stalledInvoices(run.asOf(), s.stallDays(), s.chainThreshold());
        // A rerun of the stored date only replays the customers the run touched.
        int worklist = worklists.storedFor(run.asOf(), s) ? worklists.replay() : worklists.rebuild(run.asOf(), s);
        long ms = (System.nanoTime() - started) / 1_000_000;
        repository.record(run.asOf(), result, stalled, ms);
        if (!result.newlyBroken().isEmpty()) events.publishEvent(new CollectionsMailQueued());
        log.info(
                "Collections for {}: {} promises evaluated ({} kept, {} broken, {} newly broken), {} stalled invoices,"
                        + " worklist entries of {} customers stored, {} ms",
                run.asOf(),
                result.evaluated(),
                result.kept(),
                result.broken(),
                result.newlyBroken().size(),
                stalled,
                worklist,
                ms);
    }
}
