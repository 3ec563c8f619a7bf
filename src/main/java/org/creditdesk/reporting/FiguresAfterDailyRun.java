package org.creditdesk.reporting;

import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After the daily run of a date has committed: its sales per area for the dashboard's DSO trend, and for a run
 * of the current day today's tiles per area (V132). A few seconds at 100,000 customers, retried by the event
 * publication registry if it fails.
 */
@Component
class FiguresAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(FiguresAfterDailyRun.class);

    private final HomeDashboard dashboard;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    FiguresAfterDailyRun(
            HomeDashboard dashboard,
            BusinessCalendar calendar,
            @Value("${creditdesk.reporting.figures-after-daily-run:true}") boolean enabled) {
        this.dashboard = dashboard;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled) return;
        long started = System.nanoTime();
        boolean currentDay = run.ofTheCurrentDay(calendar.today());
        dashboard.storeAfterDailyRun(run.asOf(), currentDay);
        log.info(
                "Daily run {}: dashboard {} stored in {} ms",
                run.asOf(),
                currentDay ? "figures and sales" : "sales",
                (System.nanoTime() - started) / 1_000_000);
    }
}
