package org.creditdesk.monitoring;

import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the daily run of the current day has committed: the staffing page's figures per area as of the run's
 * date (V145). Older dates (catch-up runs, the demo's history) are left to the live computation. Retried by the
 * event publication registry if it fails.
 */
@Component
class StaffingAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(StaffingAfterDailyRun.class);

    private final Staffing staffing;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    StaffingAfterDailyRun(
            Staffing staffing,
            BusinessCalendar calendar,
            @Value("${creditdesk.monitoring.staffing-after-daily-run:true}") boolean enabled) {
        this.staffing = staffing;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled || !run.ofTheCurrentDay(calendar.today())) return;
        long started = System.nanoTime();
        staffing.storeAfterDailyRun(run.asOf());
        log.info(
                "Daily run {}: staffing figures stored in {} ms",
                run.asOf(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
