package org.creditdesk.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk part of the daily run: once the run's date has committed, the whole portfolio is
 * rescored as of that date and customers who first went overdue are announced. It runs after the
 * commit and is retried by the event publication registry if it fails, so a scoring problem never
 * rolls back holds and escalations.
 */
@Component
class ScoreAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(ScoreAfterDailyRun.class);

    private final Scores scores;
    private final AlertRepository alerts;
    private final Clock clock;
    private final boolean enabled;

    ScoreAfterDailyRun(
            Scores scores,
            AlertRepository alerts,
            Clock clock,
            @Value("${creditdesk.risk.score-after-daily-run:true}") boolean enabled) {
        this.scores = scores;
        this.alerts = alerts;
        this.clock = clock;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (enabled) scoreAndAlert(run.asOf());
    }

    @Transactional
    ScoreRun scoreAndAlert(LocalDate asOf) {
        ScoreRun scored = scores.runFor(asOf, null, Caller.SYSTEM);
        int firstOverdue = alerts.raiseFirstOverdue(asOf, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        log.info("Daily run {}: rescored the portfolio ({}), {} first-overdue alerts", asOf, scored, firstOverdue);
        return scored;
    }
}
