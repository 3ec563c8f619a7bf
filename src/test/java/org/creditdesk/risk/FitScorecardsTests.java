package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FitScorecardsTests {

    static final Scorecard CARD = ScoreTestCards.defaultCard();
    static final List<ScoreFactor> NOISE = List.of(
            ScoreFactor.LATE_PAYMENT_SHARE,
            ScoreFactor.MAX_DAYS_OVERDUE,
            ScoreFactor.YEARS_IN_BUSINESS,
            ScoreFactor.SALES_TREND,
            ScoreFactor.BOUNCED_CHEQUES);

    @Test
    void a_band_only_a_few_customers_fell_in_gets_a_weight_of_evidence_near_neutral() {
        Scorecard.Factor days = CARD.byFactor().get(ScoreFactor.DAYS_BEYOND_TERMS);
        List<FitScorecards.Observation> rows = new ArrayList<>();
        // 1,000 on terms with 10 % bad; three customers over 60 days beyond terms, all bad.
        for (int i = 0; i < 1_000; i++) rows.add(observation(i, 0, i % 10 == 0 ? 1 : 0));
        for (int i = 0; i < 3; i++) rows.add(observation(2_000 + i, 90, 1));
        double[] woe = FitScorecards.weightsOfEvidence(days, rows);
        int onTerms = days.bands().indexOf(days.bandFor(BigDecimal.ZERO));
        int over60 = days.bands().indexOf(days.bandFor(BigDecimal.valueOf(90)));
        int nobody = days.bands().indexOf(days.bandFor(BigDecimal.TEN));
        // Smoothed by half a count only it would be about -3.7; three cases are not evidence of that.
        assertThat(woe[over60]).isNegative().isGreaterThan(-0.6);
        assertThat(woe[onTerms]).isCloseTo(0.0, within(0.05));
        assertThat(woe[nobody]).isEqualTo(0.0);
    }

    @Test
    void on_small_groups_the_shrunk_cross_validated_fit_gives_noise_less_weight_and_holds_up_better_on_new_customers() {
        // The fit as it was: weights of evidence smoothed by about one count, a fixed L2 penalty of 1.
        FitScorecards.Regularisation plain = new FitScorecards.Regularisation(1, new double[] {1});
        int seeds = 8;
        double plainNoise = 0, noise = 0, plainGap = 0, gap = 0, plainTest = 0, test = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Random random = new Random(seed);
            List<FitScorecards.Observation> small = portfolio(random, 0, 160, 4);
            List<FitScorecards.Observation> later = portfolio(random, 10_000, 3_000, 2);
            FitScorecards.FitOutcome before = FitScorecards.fitGroup(CARD, small, later, plain);
            FitScorecards.FitOutcome now = FitScorecards.fitGroup(CARD, small, later);
            assertThat(now.fitted()).as("seed %d: %s", seed, now.skipped()).isNotNull();
            plainNoise += noiseWeight(before) / seeds;
            noise += noiseWeight(now) / seeds;
            plainGap +=
                    (before.fittedQuality().trainAuc() - before.fittedQuality().testAuc()) / seeds;
            gap += (now.fittedQuality().trainAuc() - now.fittedQuality().testAuc()) / seeds;
            plainTest += before.fittedQuality().testAuc() / seeds;
            test += now.fittedQuality().testAuc() / seeds;
        }
        String seen = "seeds 1-%d: noise weight %.3f -> %.3f, train-test AUC gap %.3f -> %.3f, test AUC %.3f -> %.3f"
                .formatted(seeds, plainNoise, noise, plainGap, gap, plainTest, test);
        assertThat(noise).as(seen).isLessThan(plainNoise * 0.8);
        assertThat(gap).as(seen).isLessThan(plainGap);
        assertThat(test).as(seen).isGreaterThan(plainTest);
    }

    private static double noiseWeight(FitScorecards.FitOutcome fit) {
        Map<ScoreFactor, Scorecard.Factor> weights = fit.fitted().byFactor();
        return NOISE.stream()
                .mapToDouble(f -> weights.get(f).weight().doubleValue())
                .sum();
    }

    /**
     * Customers whose days beyond terms drive the outcome; the other factors are per-customer noise
     * with sparse extreme bands, as a small group's history has.
     */
    private static List<FitScorecards.Observation> portfolio(Random random, long firstId, int customers, int months) {
        List<FitScorecards.Observation> rows = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            double lateness = -Math.log(1 - random.nextDouble()) * 12;
            Map<ScoreFactor, BigDecimal> noise = new EnumMap<>(ScoreFactor.class);
            noise.put(ScoreFactor.LATE_PAYMENT_SHARE, BigDecimal.valueOf(random.nextInt(100)));
            noise.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.valueOf(random.nextInt(20) == 0 ? 70 : 0));
            noise.put(ScoreFactor.YEARS_IN_BUSINESS, BigDecimal.valueOf(random.nextInt(30)));
            noise.put(ScoreFactor.SALES_TREND, BigDecimal.valueOf(random.nextInt(100) - 50));
            noise.put(ScoreFactor.BOUNCED_CHEQUES, BigDecimal.valueOf(random.nextInt(40) == 0 ? 1 : 0));
            for (int m = 0; m < months; m++) {
                double days = Math.max(0, lateness + random.nextGaussian() * 3);
                Map<ScoreFactor, BigDecimal> values = new EnumMap<>(noise);
                values.put(ScoreFactor.DAYS_BEYOND_TERMS, BigDecimal.valueOf(Math.round(days)));
                double p = 1 / (1 + Math.exp(-(-3.2 + 0.07 * days)));
                rows.add(new FitScorecards.Observation(
                        LocalDate.of(2025, 1, 31).plusMonths(m),
                        firstId + c,
                        "VALUE_ADDED",
                        values,
                        random.nextDouble() < p ? 1 : 0));
            }
        }
        return rows;
    }

    private static FitScorecards.Observation observation(long customer, int daysBeyondTerms, int bad) {
        Map<ScoreFactor, BigDecimal> values = new EnumMap<>(ScoreFactor.class);
        values.put(ScoreFactor.DAYS_BEYOND_TERMS, BigDecimal.valueOf(daysBeyondTerms));
        return new FitScorecards.Observation(LocalDate.of(2025, 1, 31), customer, "VOLUME", values, bad);
    }
}
