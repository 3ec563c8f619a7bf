package org.creditdesk.monitoring;

import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Starts the daily run on the servers ({@code serve}, {@code demo}) at the configured time in the
 * company's time zone (a company setting in the database, hence a trigger built here rather than a
 * fixed {@code @Scheduled} zone). Every instance schedules it; the run's lock lets one do the work.
 */
@Component
@ConditionalOnExpression("'${creditdesk.command:serve}' == 'serve' or '${creditdesk.command:serve}' == 'demo'")
class DailyRunSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DailyRunSchedule.class);

    private final DailyRun dailyRun;
    private final DailyRunSettings settings;
    private final BusinessCalendar calendar;

    DailyRunSchedule(DailyRun dailyRun, DailyRunSettings settings, BusinessCalendar calendar) {
        this.dailyRun = dailyRun;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!settings.scheduled()) {
            log.info("Daily run schedule off (creditdesk.daily-run.cron = '{}')", settings.cron());
            return;
        }
        // The zone is read for every next time, so a change of the company's time zone takes effect.
        registrar.addTriggerTask(
                this::runToday,
                context -> new CronTrigger(settings.cron(), calendar.settings().timeZone()).nextExecution(context));
        log.info("Daily run scheduled at '{}' in the company's time zone", settings.cron());
    }

    void runToday() {
        try {
            dailyRun.run(DailyRunRequest.of(null), Caller.SYSTEM);
        } catch (ProblemException busy) {
            log.info("Daily run not started here: {}", busy.getMessage());
        } catch (RuntimeException e) {
            log.error("Scheduled daily run failed; the next one does its work", e);
        }
    }
}
