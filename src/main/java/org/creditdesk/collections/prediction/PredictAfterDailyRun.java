package org.creditdesk.collections.prediction;

import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Once a daily run's date has committed (beside the rescoring, which follows the same event), every open
 * invoice is predicted as of that date; retried by the event publication registry if it fails. Only a run of
 * today's business date predicts: the stored predictions are one set (the worklist's and the cash forecast's
 * "today"), so a run of a past date (a rerun, the demo's replay of 43 past dates) would only replace them
 * with staler ones, or, finishing late, overwrite today's. {@code ./creditdesk predict-payments --as-of}
 * predicts a past date on purpose.
 */
@Component
class PredictAfterDailyRun {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterDailyRun.class);

    private final PaymentPredictions predictions;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    PredictAfterDailyRun(
            PaymentPredictions predictions,
            BusinessCalendar calendar,
            @Value("${creditdesk.collections.predict-after-daily-run:true}") boolean enabled) {
        this.predictions = predictions;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(DailyRunCompleted run) {
        if (!enabled) return;
        if (!run.asOf().equals(calendar.today())) {
            log.info("Daily run {}: a past date, the predictions of today are kept", run.asOf());
            return;
        }
        PredictionRun done = predictions.predict(run.asOf(), Caller.SYSTEM);
        log.info("Daily run {}: predicted {} open invoices in {} ms", run.asOf(), done.invoices(), done.millis());
    }
}
