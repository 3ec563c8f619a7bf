package org.creditdesk.planning;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a daily run of the current business day has committed, plan against actual of every node is computed
 * and stored (V83) for the day's status, trend and pages. A run of an older date (a catch-up or the demo's
 * replayed history) leaves the stored actuals alone.
 */
@Component
class PlanActualsAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PlanActualsAfterDailyRun.class);

    private final FundPlans plans;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    PlanActualsAfterDailyRun(
            FundPlans plans,
            BusinessCalendar calendar,
            @Value("${creditdesk.planning.actuals-after-daily-run:true}") boolean enabled) {
        this.plans = plans;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled || !run.ofTheCurrentDay(calendar.today())) return;
        long started = System.nanoTime();
        plans.storeActuals(run.asOf());
        log.info(
                "Daily run {}: plan against actual stored for every node in {} ms",
                run.asOf(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
