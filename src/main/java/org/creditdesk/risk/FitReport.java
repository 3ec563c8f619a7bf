package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fit of the scorecard weights to an outcome the company chose ({@link ScoreOutcome}), validated out
 * of time: fitted on the older observation dates, tested on the newer ones. Figures that cannot be
 * computed (no outcome, or no good, in a sample) are null, never "NaN".
 */
public record FitReport(
        LocalDate asOf,
        Outcome outcome,
        Window train,
        Window test,
        List<LocalDate> trainDates,
        List<LocalDate> testDates,
        List<Group> groups) {

    public FitReport {
        trainDates = List.copyOf(trainDates);
        testDates = List.copyOf(testDates);
        groups = List.copyOf(groups);
    }

    /**
     * The outcome: its kind, days (0 for recorded outcomes), months and definition, and where it came
     * from: {@code SETTING} (the company's stored outcome, the fit named none) or {@code REQUEST} (named by
     * the fit); null in reports stored before the outcome was a setting.
     */
    public record Outcome(
            String kind,
            int days,
            int months,
            String definition,
            @Nullable String source) {
        static final String SETTING = "SETTING";
        static final String REQUEST = "REQUEST";

        static Outcome of(ScoreOutcome outcome, String source) {
            return new Outcome(outcome.kind().name(), outcome.days(), outcome.months(), outcome.definition(), source);
        }
    }

    /** Observation dates from {@code first} to {@code last}; their outcomes looked for until {@code outcomesUntil}. */
    public record Window(LocalDate first, LocalDate last, LocalDate outcomesUntil) {
        static Window of(List<LocalDate> dates, ScoreOutcome outcome) {
            return new Window(
                    dates.getFirst(),
                    dates.getLast(),
                    dates.getLast().plusMonths(outcome.months()).plusDays(FitScorecards.lateDays(outcome)));
        }
    }

    /**
     * One card's fit (a business group's HISTORY or THIN_FILE card); {@code skipped} says why there is
     * no fitted card. {@code singleFactorTestAuc}: each factor's raw value alone as a score on the test
     * window (observations that have it), the baselines a reviewer computes first (the late share is the
     * customer's past late rate, ALTMAN_Z Altman's Z''), and {@code singleFactorTestKs} the same as
     * Kolmogorov-Smirnov. {@code adoptable}: a card was fitted and its
     * classes rise from A to E on the test window, so it may be adopted.
     */
    public record Group(
            String businessGroup,
            String segment,
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
            List<ClassRow> currentClasses,
            List<ClassRow> fittedClasses,
            Map<String, @Nullable Double> singleFactorTestAuc,
            Map<String, @Nullable Double> singleFactorTestKs,
            boolean adoptable) {}

    /** AUC and KS on the training (older) and test (newer) observations; null where undefined. */
    public record Quality(
            @Nullable Double trainAuc,
            @Nullable Double testAuc,
            @Nullable Double trainKs,
            @Nullable Double testKs) {
        static final Quality NONE = new Quality(null, null, null, null);

        static Quality of(double trainAuc, double testAuc, double trainKs, double testKs) {
            return new Quality(number(trainAuc), number(testAuc), number(trainKs), number(testKs));
        }
    }

    /** A class on the test window: its observations, how many reached the outcome and their share (null when empty). */
    public record ClassRow(
            String riskClass,
            int observations,
            int outcomes,
            @Nullable Double share) {}

    static @Nullable Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
