package org.creditdesk.collections.prediction;

import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a daily run's date has committed (beside the rescoring, which follows the same event), every open
 * invoice is predicted as of that date; retried by the event publication registry if it fails.
 */
@Component
class PredictAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterDailyRun.class);

    private final PaymentPredictions predictions;
    private final boolean enabled;

    PredictAfterDailyRun(
            PaymentPredictions predictions,
            @Value("${creditdesk.collections.predict-after-daily-run:true}") boolean enabled) {
        this.predictions = predictions;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled) return;
        PredictionRun done = predictions.predict(run.asOf(), Caller.SYSTEM);
        log.info("Daily run {}: predicted {} open invoices in {} ms", run.asOf(), done.invoices(), done.millis());
    }
}
