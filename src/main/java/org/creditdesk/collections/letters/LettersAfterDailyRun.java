package org.creditdesk.collections.letters;

import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The letters part of the daily run: once the run's date has committed (levels and holds final), the
 * letters of that date are written; retried by the event publication registry if it fails. A date
 * older than the newest letter run is skipped (letters go out in date order).
 */
@Component
class LettersAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(LettersAfterDailyRun.class);

    private final ReminderLetters letters;
    private final boolean enabled;

    LettersAfterDailyRun(
            ReminderLetters letters, @Value("${creditdesk.collections.letters-after-daily-run:true}") boolean enabled) {
        this.letters = letters;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled) return;
        try {
            LetterRun done = letters.run(run.asOf(), Caller.SYSTEM);
            log.info("Daily run {}: {}", run.asOf(), done);
        } catch (ProblemException refused) {
            log.info("Daily run {}: no letters: {}", run.asOf(), refused.getMessage());
        }
    }
}
