package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fit on statement ratios as real ones come: heavy-tailed (a ratio over a tiny denominator is
 * 10^6), with missing figures, and missing more often where the company is failing. Seeded samples,
 * the seed printed in every assertion; no database.
 */
class StatementFitTests {

    static final Scorecard THIN = ScoreTestCards.thinFileCard();

    /** The statement factors the generated companies carry. */
    static final List<ScoreFactor> RATIOS = List.of(
            ScoreFactor.ALTMAN_Z,
            ScoreFactor.DEBT_RATIO,
            ScoreFactor.CURRENT_RATIO,
            ScoreFactor.NET_MARGIN,
            ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
            ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
            ScoreFactor.EBIT_TO_ASSETS,
            ScoreFactor.EQUITY_TO_LIABILITIES,
            ScoreFactor.NET_INCOME_TO_ASSETS,
            ScoreFactor.SALES_TO_ASSETS,
            ScoreFactor.LOG_TOTAL_ASSETS,
            ScoreFactor.NET_INCOME_TO_LIABILITIES);

    @Test
    void bands_fitted_on_heavy_tailed_ratios_are_monotone_and_each_holds_enough_outcomes_and_customers() {
        for (long seed : new long[] {42, 7, 2026}) {
            List<FitScorecards.Observation> rows = companies(new Random(seed), 4_000, 0.5, true);
            for (ScoreFactor ratio : RATIOS) {
                Scorecard.Factor factor = THIN.byFactor().get(ratio);
                List<@Nullable BigDecimal> values = values(rows, ratio);
                int[] bad = bad(rows);
                List<Scorecard.Band> bands = MonotoneBanding.refine(factor, values, bad, customers(rows), 10, 10, 5);
                Scorecard.Factor refined = new Scorecard.Factor(ratio, BigDecimal.ONE, bands);
                String as = "seed %d, %s: %s".formatted(seed, ratio, bands);
                assertThat(bands.stream().filter(b -> !b.missing()).count())
                        .as(as)
                        .isGreaterThanOrEqualTo(3);
                assertThat(THIN.with("t", "FITTED", List.of(refined), THIN.classes())
                                .problems())
                        .as(as)
                        .isEmpty();
                int[] n = new int[bands.size()], outcomes = new int[bands.size()];
                List<Set<Long>> who = new ArrayList<>();
                bands.forEach(b -> who.add(new HashSet<>()));
                for (int i = 0; i < rows.size(); i++) {
                    int b = bands.indexOf(refined.bandFor(values.get(i)));
                    n[b]++;
                    outcomes[b] += bad[i];
                    who.get(b).add(rows.get(i).customerId());
                }
                Boolean rising = null;
                for (int b = 1; b < bands.size(); b++) {
                    assertThat(outcomes[b]).as(as + " band " + b).isGreaterThanOrEqualTo(5);
                    assertThat(n[b] - outcomes[b]).as(as + " band " + b).isGreaterThanOrEqualTo(5);
                    assertThat(who.get(b)).as(as + " band " + b).hasSizeGreaterThanOrEqualTo(10);
                    assertThat(bands.get(b).from() == null
                                    || bands.get(b).from().scale() <= 4)
                            .as(as)
                            .isTrue();
                    if (b < 2) continue;
                    double previous = (double) outcomes[b - 1] / n[b - 1], share = (double) outcomes[b] / n[b];
                    if (share == previous) continue;
                    if (rising == null) rising = share > previous;
                    assertThat(share > previous).as(as + " band " + b).isEqualTo(rising);
                }
            }
        }
    }

    @Test
    void an_outlier_of_any_size_moves_no_band_edge() {
        long seed = 11;
        List<FitScorecards.Observation> rows = companies(new Random(seed), 3_000, 0.5, false);
        Scorecard.Factor factor = THIN.byFactor().get(ScoreFactor.NET_INCOME_TO_ASSETS);
        List<@Nullable BigDecimal> values = values(rows, ScoreFactor.NET_INCOME_TO_ASSETS);
        List<@Nullable BigDecimal> wild = new ArrayList<>(values);
        List<BigDecimal> sorted = values.stream()
                .filter(v -> v != null)
                .map(v -> (BigDecimal) v)
                .sorted()
                .toList();
        BigDecimal low = sorted.get(sorted.size() / 100), high = sorted.get(sorted.size() - sorted.size() / 100);
        for (int i = 0; i < wild.size(); i++) {
            BigDecimal v = wild.get(i);
            if (v == null) continue;
            if (v.compareTo(high) > 0) wild.set(i, v.abs().multiply(BigDecimal.valueOf(1_000_000)));
            if (v.compareTo(low) < 0) wild.set(i, v.abs().negate().multiply(BigDecimal.valueOf(1_000_000)));
        }

        List<Scorecard.Band> plain = MonotoneBanding.refine(factor, values, bad(rows), customers(rows), 10, 10, 5);
        List<Scorecard.Band> withOutliers = MonotoneBanding.refine(factor, wild, bad(rows), customers(rows), 10, 10, 5);

        assertThat(withOutliers).as("seed %d", seed).isEqualTo(plain);
    }

    @Test
    void missing_values_are_a_band_of_their_own_graded_by_what_they_say() {
        for (boolean failingHideFigures : new boolean[] {true, false}) {
            long seed = 5;
            Random random = new Random(seed);
            List<FitScorecards.Observation> train = companies(random, 3_000, 0.4, failingHideFigures);
            List<FitScorecards.Observation> test = companies(random, 1_500, 0.4, failingHideFigures);

            FitScorecards.FitOutcome fit = FitScorecards.fitGroup(THIN, train, test);

            Scorecard fitted = fit.fitted();
            assertThat(fitted).as(fit.skipped()).isNotNull();
            Scorecard.Factor debt = fitted.byFactor().get(ScoreFactor.DEBT_RATIO);
            BigDecimal missing = debt.bandFor(null).grade();
            List<BigDecimal> ranges = debt.bands().stream()
                    .filter(b -> !b.missing())
                    .map(Scorecard.Band::grade)
                    .sorted()
                    .toList();
            String as = "seed %d, failing hide figures %s: %s".formatted(seed, failingHideFigures, debt.bands());
            if (failingHideFigures) {
                assertThat(missing).as(as).isLessThan(ranges.get(ranges.size() / 2));
            } else {
                assertThat(missing).as(as).isGreaterThan(ranges.get(ranges.size() / 2));
            }
        }
    }

    @Test
    void a_card_fitted_to_default_from_statements_ranks_at_least_as_well_as_its_best_single_factor_out_of_time() {
        for (long seed : new long[] {42, 7}) {
            Random random = new Random(seed);
            List<FitScorecards.Observation> train = companies(random, 4_000, 0.5, true);
            List<FitScorecards.Observation> test = companies(random, 2_000, 0.5, true);

            FitScorecards.FitOutcome fit = FitScorecards.fitGroup(THIN, train, test);

            assertThat(fit.fitted()).as(fit.skipped()).isNotNull();
            double best = fit.singleFactorTestAuc().values().stream()
                    .filter(v -> v != null)
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            System.out.printf(
                    "Statement fit seed %d: fitted test AUC %.3f, best single factor %.3f, Altman Z'' %.3f%n",
                    seed,
                    fit.fittedQuality().testAuc(),
                    best,
                    fit.singleFactorTestAuc().get("ALTMAN_Z"));
            assertThat(fit.fittedQuality().testAuc()).as("seed %d", seed).isGreaterThanOrEqualTo(best);
            assertThat(fit.fittedQuality().testAuc())
                    .as("seed %d", seed)
                    .isGreaterThan(fit.singleFactorTestAuc().get("ALTMAN_Z"));
            assertThat(FitScorecards.classOrderProblems(fit.fittedClasses()))
                    .as("seed %d", seed)
                    .isEmpty();
        }
    }

    @Test
    void a_fit_report_holds_numbers_or_null_never_nan() {
        Random random = new Random(3);
        List<FitScorecards.Observation> train = companies(random, 2_000, 0.5, true);
        // A test window in which nobody defaulted, and a factor nobody has: AUC and KS are undefined.
        List<FitScorecards.Observation> test = companies(random, 300, 0.5, true).stream()
                .map(o -> new FitScorecards.Observation(
                        o.asOf(), o.customerId(), o.group(), o.invoicesDue12Months(), o.values(), 0))
                .toList();

        FitScorecards.FitOutcome fit = FitScorecards.fitGroup(THIN, train, test);
        String json = JsonMapper.builder().build().writeValueAsString(fit.report(null));

        assertThat(fit.fittedQuality().testAuc()).isNull();
        assertThat(fit.fittedQuality().testKs()).isNull();
        assertThat(fit.singleFactorTestAuc().get("EXTERNAL_RATING")).isNull();
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"testAuc\":null");
    }

    @Test
    void a_fitted_factor_is_continuous_between_its_bands_medians_monotone_and_its_points_still_add_up() {
        long seed = 19;
        Random random = new Random(seed);
        List<FitScorecards.Observation> train = companies(random, 3_000, 0.5, true);
        List<FitScorecards.Observation> test = companies(random, 1_000, 0.5, true);
        Scorecard fitted = FitScorecards.fitGroup(THIN, train, test).fitted();
        assertThat(fitted).isNotNull();
        Scorecard.Factor debt = fitted.byFactor().get(ScoreFactor.DEBT_RATIO);
        assertThat(debt.bands().stream().filter(b -> !b.missing()).allMatch(b -> b.anchor() != null))
                .as("seed %d: %s", seed, debt.bands())
                .isTrue();

        // From a debt ratio of 0 % to 150 % in steps of 0.01: the grade never rises (higher is worse
        // here), never jumps by more than the largest step between two neighbouring bands' grades, and
        // takes far more distinct values than there are bands.
        java.util.Set<BigDecimal> grades = new java.util.HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i <= 15_000; i++) {
            BigDecimal grade = debt.gradeFor(BigDecimal.valueOf(i, 2));
            grades.add(grade);
            if (previous != null) {
                assertThat(grade)
                        .as("seed %d at %s", seed, BigDecimal.valueOf(i, 2))
                        .isLessThanOrEqualTo(previous);
                assertThat(previous.subtract(grade).doubleValue())
                        .as("seed %d at %s", seed, BigDecimal.valueOf(i, 2))
                        .isLessThan(1.0);
            }
            previous = grade;
        }
        assertThat(grades.size())
                .as("seed %d", seed)
                .isGreaterThan(10 * debt.bands().size());
        // The missing band keeps its grade; the explanation adds up to the score.
        assertThat(debt.gradeFor(null)).isEqualByComparingTo(debt.bandFor(null).grade());
        for (FitScorecards.Observation o : test.subList(0, 300)) {
            Scorecard.Evaluation e = fitted.evaluate(o.values());
            assertThat(e.parts().stream().map(Scorecard.Part::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("seed %d", seed)
                    .isEqualByComparingTo(e.score());
        }
    }

    @Test
    void a_small_book_starts_from_fewer_bands_than_a_large_one() {
        assertThat(FitScorecards.startBands(20, 100)).isEqualTo(5);
        assertThat(FitScorecards.startBands(20, 300)).isEqualTo(10);
        assertThat(FitScorecards.startBands(20, 5_910)).isEqualTo(20);
        assertThat(FitScorecards.startBands(10, 5_910)).isEqualTo(10);
    }

    @Test
    void band_edges_are_short_decimals_between_the_neighbouring_values() {
        assertThat(MonotoneBanding.edge(1.2, 1.9)).isEqualByComparingTo("1.5");
        assertThat(MonotoneBanding.edge(0.00012, 0.00031)).isEqualByComparingTo("0.0002");
        assertThat(MonotoneBanding.edge(0.00012, 0.00019))
                .as("closer than the column's scale")
                .isNull();
        assertThat(MonotoneBanding.edge(1234.0, 1236.0)).isEqualByComparingTo("1235");
        assertThat(MonotoneBanding.edge(-3.5e9, 2.0e9)).isEqualByComparingTo("-8E+8");
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            double a = random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4);
            double b = a + Math.abs(random.nextGaussian()) * Math.pow(10, random.nextInt(8) - 2);
            if (b - a < 1e-4) continue;
            BigDecimal edge = MonotoneBanding.edge(a, b);
            assertThat(edge).as("seed 17: %s .. %s", a, b).isNotNull();
            assertThat(edge.doubleValue()).as("seed 17: %s .. %s", a, b).isGreaterThan(a);
            assertThat(edge.doubleValue()).as("seed 17: %s .. %s", a, b).isLessThanOrEqualTo(b);
            assertThat(edge.scale()).as("seed 17: %s .. %s", a, b).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void a_factor_the_data_contradict_is_banded_the_datas_way() {
        long seed = 23;
        List<FitScorecards.Observation> rows = companies(new Random(seed), 3_000, 0.5, false);
        // The card says a higher debt ratio is worse; here the data say the opposite.
        List<@Nullable BigDecimal> reversed = values(rows, ScoreFactor.DEBT_RATIO).stream()
                .map(v -> v == null ? null : v.negate())
                .toList();
        double[] x = reversed.stream()
                .filter(v -> v != null)
                .mapToDouble(BigDecimal::doubleValue)
                .toArray();
        int[] y = new int[x.length];
        int k = 0;
        for (int i = 0; i < rows.size(); i++)
            if (reversed.get(i) != null) y[k++] = rows.get(i).bad();

        assertThat(MonotoneBanding.higherValuesAreWorse(THIN.byFactor().get(ScoreFactor.DEBT_RATIO), x, y))
                .as("seed %d", seed)
                .isFalse();
        assertThat(MonotoneBanding.higherValuesAreWorse(
                        THIN.byFactor().get(ScoreFactor.DEBT_RATIO),
                        java.util.Arrays.stream(x).map(v -> -v).toArray(),
                        y))
                .as("seed %d", seed)
                .isTrue();
    }

    @Test
    void a_factor_whose_coefficient_contradicts_its_coding_is_left_out_and_the_rest_refitted() {
        long seed = 31;
        Random random = new Random(seed);
        int n = 5_000;
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double first = random.nextGaussian();
            double second = first + 0.3 * random.nextGaussian();
            x[i][0] = first;
            x[i][1] = second;
            // Both are "higher is better" codings, but beside the first the second takes a positive sign.
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-2 - 2.0 * first + 0.8 * second))) ? 1 : 0;
        }
        FitLogisticRegression.Model plain = FitLogisticRegression.fit(x, y, 1);
        assertThat(plain.coefficients()[1]).as("seed %d", seed).isPositive();

        FitLogisticRegression.Model model = FitScorecards.withoutContradictions(x, y, 1);

        assertThat(model.coefficients()[1]).as("seed %d", seed).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.coefficients()[0]).as("seed %d", seed).isNegative();
        assertThat(model.coefficients()[0])
                .as("seed %d: the first carries what they shared", seed)
                .isGreaterThan(plain.coefficients()[0]);
    }

    /**
     * Companies with a hidden health; each ratio is a noisy reading of it with a heavy (Cauchy) tail,
     * about one figure in ten missing. With {@code failingHideFigures} a failing company leaves its
     * debt figures out three times as often as a sound one, otherwise the sound ones do. About 7 % default.
     */
    static List<FitScorecards.Observation> companies(
            Random random, int count, double noise, boolean failingHideFigures) {
        List<FitScorecards.Observation> rows = new ArrayList<>();
        long first = random.nextInt(1_000_000) * 10L;
        for (int c = 0; c < count; c++) {
            double health = random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(-3.0 - 1.4 * health)));
            int bad = random.nextDouble() < p ? 1 : 0;
            boolean hides = failingHideFigures == (bad == 1);
            Map<ScoreFactor, BigDecimal> values = new EnumMap<>(ScoreFactor.class);
            for (ScoreFactor ratio : RATIOS) {
                double missingChance = ratio == ScoreFactor.DEBT_RATIO ? (hides ? 0.30 : 0.10) : 0.08;
                if (random.nextDouble() < missingChance) continue;
                double signal = health + noise * cauchy(random) + random.nextGaussian() * 0.6;
                double value = switch (ratio) {
                    case DEBT_RATIO -> 60 - 20 * signal;
                    case CURRENT_RATIO -> Math.exp(Math.min(20, 0.2 + 0.4 * signal));
                    case LOG_TOTAL_ASSETS -> 6.5 + 0.5 * signal;
                    case ALTMAN_Z -> 2 + 1.5 * signal;
                    default -> 5 + 8 * signal;
                };
                values.put(ratio, BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP));
            }
            values.put(ScoreFactor.YEARS_IN_BUSINESS, BigDecimal.valueOf(random.nextInt(30)));
            values.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.ZERO);
            values.put(ScoreFactor.BOUNCED_CHEQUES, BigDecimal.ZERO);
            values.put(ScoreFactor.BAD_LINKS, BigDecimal.ZERO);
            values.put(ScoreFactor.BROKEN_PROMISES_12M, BigDecimal.ZERO);
            rows.add(new FitScorecards.Observation(LocalDate.of(2024, 12, 31), first + c, "VOLUME", 0, values, bad));
        }
        return rows;
    }

    /** A standard Cauchy draw, capped at 10^6 (a ratio over a denominator near zero). */
    private static double cauchy(Random random) {
        double v = Math.tan(Math.PI * (random.nextDouble() - 0.5));
        return Math.max(-1e6, Math.min(1e6, v));
    }

    private static List<@Nullable BigDecimal> values(List<FitScorecards.Observation> rows, ScoreFactor factor) {
        List<@Nullable BigDecimal> values = new ArrayList<>(rows.size());
        for (FitScorecards.Observation o : rows) values.add(o.values().get(factor));
        return values;
    }

    private static int[] bad(List<FitScorecards.Observation> rows) {
        return rows.stream().mapToInt(FitScorecards.Observation::bad).toArray();
    }

    private static long[] customers(List<FitScorecards.Observation> rows) {
        return rows.stream().mapToLong(FitScorecards.Observation::customerId).toArray();
    }
}
