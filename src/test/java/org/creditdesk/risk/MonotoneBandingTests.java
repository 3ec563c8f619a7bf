package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MonotoneBandingTests {

    static final Scorecard CARD = ScoreTestCards.defaultCard();
    static final Scorecard.Factor DAYS = CARD.byFactor().get(ScoreFactor.DAYS_BEYOND_TERMS);

    @Test
    void
            fitted_bands_are_finer_than_the_cards_their_outcome_share_rises_with_lateness_and_each_holds_enough_customers() {
        for (long seed : new long[] {42, 7, 2026}) {
            Random random = new Random(seed);
            List<FitScorecards.Observation> rows = portfolio(random, 3_000, 2);
            List<@Nullable BigDecimal> values = new ArrayList<>();
            rows.forEach(o -> values.add(o.values().get(ScoreFactor.DAYS_BEYOND_TERMS)));
            int[] bad = rows.stream().mapToInt(FitScorecards.Observation::bad).toArray();
            long[] customers = rows.stream()
                    .mapToLong(FitScorecards.Observation::customerId)
                    .toArray();

            List<Scorecard.Band> bands =
                    MonotoneBanding.refine(DAYS, values, bad, customers, 10, 10, MonotoneBanding.MIN_OUTCOMES);

            List<Scorecard.Band> ranges =
                    bands.stream().filter(b -> !b.missing()).toList();
            assertThat(ranges.size()).as("seed %d: %s", seed, ranges).isGreaterThan(6);
            Scorecard.Factor refined = new Scorecard.Factor(ScoreFactor.DAYS_BEYOND_TERMS, BigDecimal.ONE, bands);
            Scorecard card = CARD.with("refined", "FITTED", List.of(refined), CARD.classes());
            assertThat(card.problems()).as("seed %d", seed).isEmpty();
            double[] rate = new double[bands.size()];
            int[] count = new int[bands.size()];
            java.util.List<java.util.Set<Long>> who = new ArrayList<>();
            bands.forEach(b -> who.add(new java.util.HashSet<>()));
            for (int i = 0; i < rows.size(); i++) {
                int b = bands.indexOf(refined.bandFor(values.get(i)));
                rate[b] += bad[i];
                count[b]++;
                who.get(b).add(customers[i]);
            }
            double previous = -1;
            for (int b = 1; b < bands.size(); b++) {
                double share = rate[b] / count[b];
                assertThat(share)
                        .as("seed %d, band %s", seed, bands.get(b).label())
                        .isGreaterThanOrEqualTo(previous);
                assertThat(who.get(b))
                        .as("seed %d, band %s", seed, bands.get(b).label())
                        .hasSizeGreaterThanOrEqualTo(10);
                previous = share;
            }
        }
    }

    @Test
    void where_evidence_is_thin_the_bands_merge_back_to_the_cards() {
        Random random = new Random(11);
        List<FitScorecards.Observation> rows = portfolio(random, 12, 1);
        List<@Nullable BigDecimal> values = new ArrayList<>();
        rows.forEach(o -> values.add(o.values().get(ScoreFactor.DAYS_BEYOND_TERMS)));
        List<Scorecard.Band> bands = MonotoneBanding.refine(
                DAYS,
                values,
                rows.stream().mapToInt(FitScorecards.Observation::bad).toArray(),
                rows.stream().mapToLong(FitScorecards.Observation::customerId).toArray(),
                10,
                10,
                MonotoneBanding.MIN_OUTCOMES);
        assertThat(bands).isEqualTo(DAYS.bands());
    }

    @Test
    void a_card_fitted_with_finer_bands_has_monotone_grades_many_more_distinct_scores_and_still_adds_up() {
        Random random = new Random(42);
        List<FitScorecards.Observation> train = portfolio(random, 3_000, 2);
        List<FitScorecards.Observation> test = portfolio(random, 3_000, 1);
        FitScorecards.FitOutcome fit = FitScorecards.fitGroup(CARD, train, test);
        Scorecard fitted = fit.fitted();
        assertThat(fitted).as(fit.skipped()).isNotNull();

        List<Scorecard.Band> ranges = fitted.byFactor().get(ScoreFactor.DAYS_BEYOND_TERMS).bands().stream()
                .filter(b -> !b.missing())
                .toList();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).grade())
                    .as(ranges.get(i).label())
                    .isLessThanOrEqualTo(ranges.get(i - 1).grade());
        }
        double[] fittedScores = FitScorecards.scores(fitted, test);
        double[] cardScores = FitScorecards.scores(CARD, test);
        assertThat(Arrays.stream(fittedScores).distinct().count())
                .isGreaterThan(Arrays.stream(cardScores).distinct().count());
        for (FitScorecards.Observation o : test.subList(0, 200)) {
            Scorecard.Evaluation e = fitted.evaluate(o.values());
            assertThat(e.parts().stream().map(Scorecard.Part::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(e.score());
        }
    }

    /** Customers whose days beyond terms (continuous, 0-90) and late share drive the outcome. */
    static List<FitScorecards.Observation> portfolio(Random random, int customers, int months) {
        List<FitScorecards.Observation> rows = new ArrayList<>();
        long first = random.nextInt(1_000_000) * 10L;
        for (int c = 0; c < customers; c++) {
            double lateness = -Math.log(1 - random.nextDouble()) * 10;
            double share = Math.min(100, lateness * 3 + random.nextDouble() * 20);
            for (int m = 0; m < months; m++) {
                double days = Math.max(0, lateness + random.nextGaussian() * 2);
                Map<ScoreFactor, BigDecimal> values = new EnumMap<>(ScoreFactor.class);
                values.put(
                        ScoreFactor.DAYS_BEYOND_TERMS,
                        BigDecimal.valueOf(days).setScale(2, java.math.RoundingMode.HALF_UP));
                values.put(ScoreFactor.LATE_PAYMENT_SHARE, BigDecimal.valueOf(Math.round(share)));
                values.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.ZERO);
                double p = 1 / (1 + Math.exp(-(-3.5 + 0.09 * days)));
                rows.add(new FitScorecards.Observation(
                        LocalDate.of(2025, 1, 31).plusMonths(m),
                        first + c,
                        "VOLUME",
                        12,
                        values,
                        random.nextDouble() < p ? 1 : 0));
            }
        }
        return rows;
    }
}
