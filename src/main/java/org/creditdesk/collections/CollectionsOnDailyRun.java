package org.creditdesk.collections;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Inside the daily run's transaction (a synchronous listener, so an interrupted run leaves nothing):
 * evaluates the promises from payments as of the run's date and counts the stalled chains. Rerunning a
 * date gives the same statuses.
 */
@Component
class CollectionsOnDailyRun {

    private static final Logger log = LoggerFactory.getLogger(CollectionsOnDailyRun.class);

    private final Promises promises;
    private final SettingsRepository settings;
    private final DailyCollectionsRepository repository;
    private final ApplicationEventPublisher events;

    CollectionsOnDailyRun(
            Promises promises,
            SettingsRepository settings,
            DailyCollectionsRepository repository,
            ApplicationEventPublisher events) {
        this.promises = promises;
        this.settings = settings;
        this.repository = repository;
        this.events = events;
    }

    @EventListener
    void on(DailyRunCompleted run) {
        long started = System.nanoTime();
        Promises.EvaluationResult result = promises.evaluate(run.asOf(), "daily-run");
        CollectionsSettings s = settings.load();
        int stalled = repository.stalledInvoices(run.asOf(), s.stallDays(), s.chainThreshold());
        long ms = (System.nanoTime() - started) / 1_000_000;
        repository.record(run.asOf(), result, stalled, ms);
        if (!result.newlyBroken().isEmpty()) events.publishEvent(new CollectionsMailQueued());
        log.info(
                "Collections for {}: {} promises evaluated ({} kept, {} broken, {} newly broken), {} stalled invoices, {} ms",
                run.asOf(),
                result.evaluated(),
                result.kept(),
                result.broken(),
                result.newlyBroken().size(),
                stalled,
                ms);
    }
}
