package org.creditdesk.monitoring;

import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the daily run of today has committed: today's aging ({@link AgingTodayRepository}) and escalation facts
 * ({@link EscalationTodayRepository}) stored for the pages, in a transaction of their own. They are a faster way to
 * what the pages compute live from the open items, which they do until this commits, so the run neither waits for
 * them nor can be undone by them (at 100,000 customers they were a third of the run). Retried by the event
 * publication registry if it fails. Runs of other dates store nothing: the stores hold only today.
 */
@Component
class TodayStoresAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(TodayStoresAfterDailyRun.class);

    private final AgingTodayRepository agingToday;
    private final EscalationTodayRepository escalationToday;
    private final BusinessCalendar calendar;

    TodayStoresAfterDailyRun(
            AgingTodayRepository agingToday, EscalationTodayRepository escalationToday, BusinessCalendar calendar) {
        this.agingToday = agingToday;
        this.escalationToday = escalationToday;
        this.calendar = calendar;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!run.asOf().equals(calendar.today())) return;
        long started = System.nanoTime();
        agingToday.store(run.asOf());
        escalationToday.store(run.asOf());
        log.info(
                "Daily run {}: today's aging and escalation facts stored in {} ms",
                run.asOf(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
