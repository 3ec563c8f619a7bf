package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fit of the scorecard weights to the company's own outcomes (60+ days overdue within 6 months),
 * validated out of time: fitted on the older observation dates, tested on the newer ones.
 */
public record FitReport(LocalDate asOf, List<LocalDate> trainDates, List<LocalDate> testDates, List<Group> groups) {

    public FitReport {
        trainDates = List.copyOf(trainDates);
        testDates = List.copyOf(testDates);
        groups = List.copyOf(groups);
    }

    /** One business group's fit; {@code skipped} says why there is no fitted card. */
    public record Group(
            String businessGroup,
            long currentCardId,
            @Nullable Long fittedCardId,
            @Nullable String skipped,
            int trainObservations,
            int trainOutcomes,
            int testObservations,
            int testOutcomes,
            Quality current,
            Quality fitted,
            Map<String, Double> coefficients,
            Map<String, Double> weights,
            Map<String, Double> currentOutcomeRateByClass,
            Map<String, Double> fittedOutcomeRateByClass) {}

    /** AUC and KS on the training (older) and test (newer) observations. */
    public record Quality(double trainAuc, double testAuc, double trainKs, double testKs) {
        static final Quality NONE = new Quality(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
