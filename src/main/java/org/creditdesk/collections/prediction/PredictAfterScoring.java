package org.creditdesk.collections.prediction;

import org.creditdesk.risk.PortfolioScored;
import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The prediction is part of the scoring run (issue 10): once a scoring run of the whole portfolio as of today's
 * business date has committed (the daily run's, or one started by hand), every open invoice is predicted;
 * retried by the event publication registry if it fails. The stored predictions are one set, today's (the
 * worklist's and the cash forecast's), so a scoring of a past date (a rerun, the demo's replay of 43 past dates)
 * leaves them alone, and a date already predicted is not predicted again. {@code ./creditdesk predict-payments
 * --as-of} predicts a past date on purpose.
 */
@Component
class PredictAfterScoring {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterScoring.class);

    private final PaymentPredictions predictions;
    private final BusinessCalendar calendar;
    private final boolean enabled;

    PredictAfterScoring(
            PaymentPredictions predictions,
            BusinessCalendar calendar,
            @Value("${creditdesk.collections.predict-after-daily-run:true}") boolean enabled) {
        this.predictions = predictions;
        this.calendar = calendar;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(PortfolioScored scored) {
        if (!enabled) return;
        if (!scored.asOf().equals(calendar.today())) {
            log.info("Scoring run {}: a past date, today's predictions are kept", scored.asOf());
            return;
        }
        predictions
                .predictOnce(scored.asOf())
                .ifPresentOrElse(
                        done -> log.info(
                                "Scoring run {}: predicted {} open invoices in {} ms",
                                scored.asOf(),
                                done.invoices(),
                                done.millis()),
                        () -> log.info("Scoring run {}: predictions as of that date exist", scored.asOf()));
    }
}
