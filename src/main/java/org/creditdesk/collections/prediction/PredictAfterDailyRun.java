package org.creditdesk.collections.prediction;

import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRun;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a daily run's date has committed (beside the rescoring, which follows the same event), every open
 * invoice is predicted as of that date; retried by the event publication registry if it fails. A date that a
 * newer completed run has already passed is skipped: the stored predictions are those of the newest date, so
 * predicting an older one would only be overwritten (or, finishing late, overwrite the newer one). This is
 * what the demo's replay of 43 past runs hits.
 */
@Component
class PredictAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterDailyRun.class);

    private final PaymentPredictions predictions;
    private final DailyRun dailyRun;
    private final boolean enabled;

    PredictAfterDailyRun(
            PaymentPredictions predictions,
            DailyRun dailyRun,
            @Value("${creditdesk.collections.predict-after-daily-run:true}") boolean enabled) {
        this.predictions = predictions;
        this.dailyRun = dailyRun;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled) return;
        if (dailyRun.newestCompletedDate()
                .filter(newest -> newest.isAfter(run.asOf()))
                .isPresent()) {
            log.info("Daily run {}: no prediction, a run of a later date has completed", run.asOf());
            return;
        }
        PredictionRun done = predictions.predict(run.asOf(), Caller.SYSTEM);
        log.info("Daily run {}: predicted {} open invoices in {} ms", run.asOf(), done.invoices(), done.millis());
    }
}
