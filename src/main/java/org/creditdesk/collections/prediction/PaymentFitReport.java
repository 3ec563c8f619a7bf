package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The quality of a fitted payment model out of time against the naive baseline (the customer's average
 * days late): AUC of the late probability for "paid more than the grace days late", MAE of the pay date.
 */
record PaymentFitReport(
        @Nullable Long modelId,
        LocalDate asOf,
        int graceDays,
        LocalDate trainFrom,
        LocalDate testFrom,
        LocalDate testUntil,
        int trainInvoices,
        int testInvoices,
        double testLateShare,
        Quality model,
        Quality modelTrain,
        Quality baseline,
        boolean beatsBaseline,
        boolean snapToPayDay,
        List<Weight> weights) {

    record Quality(double auc, double maeDays) {}

    /** A feature's coefficient (per standard deviation) in the late model and in the days-late model. */
    record Weight(String feature, double late, double daysLate) {}
}
