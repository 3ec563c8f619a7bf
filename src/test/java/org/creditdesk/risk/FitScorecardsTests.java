package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
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
    void bands_too_few_customers_fell_in_stay_neutral_and_thin_bands_are_shrunk_towards_neutral() {
        Scorecard.Factor days = CARD.byFactor().get(ScoreFactor.DAYS_BEYOND_TERMS);
        List<FitScorecards.Observation> rows = new ArrayList<>();
        // 1,000 customers on terms, 10 % bad.
        for (int i = 0; i < 1_000; i++) rows.add(observation(i, 0, i % 10 == 0 ? 1 : 0));
        // Three customers over 60 days beyond terms, all bad.
        for (int i = 0; i < 3; i++) rows.add(observation(2_000 + i, 90, 1));
        // Eight customers 1-7 days beyond terms at five month-ends each, never bad: 40 rows, 8 cases.
        for (int i = 0; i < 40; i++) rows.add(observation(3_000 + i % 8, 3, 0));
        // Forty customers 16-30 days beyond terms, half of them bad.
        for (int i = 0; i < 40; i++) rows.add(observation(4_000 + i, 20, i % 2));

        List<Scorecard.Factor> one = List.of(days);
        double[] woe = FitScorecards.weightsOfEvidence(
                one,
                FitScorecards.bins(one, rows),
                rows.stream().mapToInt(FitScorecards.Observation::bad).toArray(),
                rows.stream().mapToLong(FitScorecards.Observation::customerId).toArray(),
                IntStream.range(0, rows.size()).toArray(),
                FitScorecards.Regularisation.DEFAULT)[0];

        assertThat(woe[band(days, 90)]).as("three cases").isEqualTo(0.0);
        assertThat(woe[band(days, 3)]).as("eight customers").isEqualTo(0.0);
        assertThat(woe[band(days, 10)]).as("nobody").isEqualTo(0.0);
        // Unshrunk: ln(20/20) - ln(922/118) = -2.06; the prior of 50 observations pulls it about halfway.
        assertThat(woe[band(days, 20)]).isBetween(-1.4, -0.7);
        assertThat(woe[band(days, 0)]).as("better than average").isBetween(0.0, 0.3);
    }

    @Test
    void on_small_groups_the_shrunk_cross_validated_fit_gives_noise_less_weight_and_holds_up_better_on_new_customers() {
        // The fit as it was: weights of evidence smoothed by about one count, a fixed L2 penalty of 1.
        FitScorecards.Regularisation plain = new FitScorecards.Regularisation(1, 0, new double[] {1}, 0);
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

    @Test
    void factors_that_do_not_help_out_of_sample_are_left_out_and_the_one_that_drives_the_outcome_is_kept() {
        FitScorecards.Regularisation keepAll = FitScorecards.Regularisation.DEFAULT;
        FitScorecards.Regularisation leaveOut = new FitScorecards.Regularisation(
                50, 10, keepAll.l2Candidates(), 20, MonotoneBanding.MIN_OUTCOMES, true);
        for (long seed : new long[] {42, 7}) {
            Random random = new Random(seed);
            List<FitScorecards.Observation> train = portfolio(random, 0, 1_200, 6);
            List<FitScorecards.Observation> test = portfolio(random, 10_000, 1_000, 2);

            FitScorecards.FitOutcome fit = FitScorecards.fitGroup(CARD, train, test, leaveOut);
            FitScorecards.FitOutcome kept = FitScorecards.fitGroup(CARD, train, test, keepAll);

            Map<ScoreFactor, Scorecard.Factor> weights = fit.fitted().byFactor();
            long leftOut = NOISE.stream()
                    .filter(f -> weights.get(f).weight().signum() == 0)
                    .count();
            String seen =
                    "seed %d: noise weight %.3f (all kept %.3f), %d of %d noise factors left out, test AUC %.3f (all kept %.3f)"
                            .formatted(
                                    seed,
                                    noiseWeight(fit),
                                    noiseWeight(kept),
                                    leftOut,
                                    NOISE.size(),
                                    fit.fittedQuality().testAuc(),
                                    kept.fittedQuality().testAuc());
            System.out.println(seen);
            assertThat(leftOut).as(seen).isGreaterThanOrEqualTo(3);
            assertThat(noiseWeight(fit)).as(seen).isLessThanOrEqualTo(noiseWeight(kept));
            assertThat(weights.get(ScoreFactor.DAYS_BEYOND_TERMS).weight().doubleValue())
                    .as(seen)
                    .isGreaterThan(0.8);
            assertThat(fit.fittedQuality().testAuc())
                    .as(seen)
                    .isGreaterThan(kept.fittedQuality().testAuc() - 0.005);
        }
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
                        12,
                        values,
                        random.nextDouble() < p ? 1 : 0));
            }
        }
        return rows;
    }

    private static int band(Scorecard.Factor factor, int value) {
        return factor.bands().indexOf(factor.bandFor(BigDecimal.valueOf(value)));
    }

    private static FitScorecards.Observation observation(long customer, int daysBeyondTerms, int bad) {
        Map<ScoreFactor, BigDecimal> values = new EnumMap<>(ScoreFactor.class);
        values.put(ScoreFactor.DAYS_BEYOND_TERMS, BigDecimal.valueOf(daysBeyondTerms));
        return new FitScorecards.Observation(LocalDate.of(2025, 1, 31), customer, "VOLUME", 12, values, bad);
    }
}
