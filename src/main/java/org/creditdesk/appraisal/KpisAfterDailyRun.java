package org.creditdesk.appraisal;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a daily run of the current business day has committed, the KPIs of its open month, quarter and year
 * are computed and stored, so the appraisal board answers from them all day. A run of an older date (a
 * catch-up or the demo's replayed history) leaves the boards alone: they show the business as it stands.
 */
@Component
class KpisAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(KpisAfterDailyRun.class);

    private final Appraisals appraisals;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    KpisAfterDailyRun(
            Appraisals appraisals,
            BusinessCalendar calendar,
            @Value("${creditdesk.appraisal.kpis-after-daily-run:true}") boolean enabled) {
        this.appraisals = appraisals;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled || !run.ofTheCurrentDay(calendar.today())) return;
        long started = System.nanoTime();
        appraisals.snapshotAfterDailyRun(run.asOf());
        log.info(
                "Daily run {}: appraisal KPIs of its month, quarter and year stored in {} ms",
                run.asOf(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
