package org.creditdesk.collections.prediction;

import org.creditdesk.risk.PortfolioScored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The prediction is part of the scoring run (issue 10): once a scoring run of the whole portfolio has
 * committed (the daily run's, or one started by hand), every open invoice is predicted as of its date;
 * retried by the event publication registry if it fails. A date already predicted (or older than the
 * stored predictions) is skipped: one prediction per date, in date order.
 */
@Component
class PredictAfterScoring {

    private static final Logger log = LoggerFactory.getLogger(PredictAfterScoring.class);

    private final PaymentPredictions predictions;
    private final boolean enabled;

    PredictAfterScoring(
            PaymentPredictions predictions,
            @Value("${creditdesk.collections.predict-after-daily-run:true}") boolean enabled) {
        this.predictions = predictions;
        this.enabled = enabled;
    }

    @ApplicationModuleListener
    void on(PortfolioScored scored) {
        if (!enabled) return;
        predictions
                .predictOnce(scored.asOf())
                .ifPresentOrElse(
                        done -> log.info(
                                "Scoring run {}: predicted {} open invoices in {} ms",
                                scored.asOf(),
                                done.invoices(),
                                done.millis()),
                        () -> log.info("Scoring run {}: predictions as of that date or later exist", scored.asOf()));
    }
}
