package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScorecardTests {

    static final Scorecard CARD = ScoreTestCards.defaultCard();
    static final BigDecimal STEP = new BigDecimal("0.0001");

    @Test
    void the_default_card_has_every_factor_weights_adding_to_one_and_no_gaps() {
        assertThat(CARD.factors())
                .extracting(Scorecard.Factor::factor)
                .containsExactly(java.util.Arrays.stream(ScoreFactor.values())
                        // BAD_LINKS and the statement factors of V105/V107 are on the thin-file cards only.
                        .filter(f ->
                                f.ordinal() < ScoreFactor.BAD_LINKS.ordinal() || f == ScoreFactor.DAYS_BEYOND_TERMS_3M)
                        .toArray(ScoreFactor[]::new));
        assertThat(CARD.factors().stream().map(Scorecard.Factor::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1");
        assertThat(CARD.problems()).isEmpty();
        assertThat(CARD.classes()).extracting(Scorecard.ClassRule::riskClass).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void every_band_starts_at_its_lower_edge_and_the_band_below_ends_just_under_it() {
        for (Scorecard.Factor factor : CARD.factors()) {
            Scorecard.Band previous = null;
            for (Scorecard.Band band :
                    factor.bands().stream().filter(b -> !b.missing()).toList()) {
                if (band.from() != null) {
                    assertThat(factor.bandFor(band.from()))
                            .as(factor.factor() + " at " + band.from())
                            .isEqualTo(band);
                    assertThat(factor.bandFor(band.from().subtract(STEP)))
                            .as(factor.factor() + " just under " + band.from())
                            .isEqualTo(previous);
                }
                if (band.to() != null) {
                    assertThat(factor.bandFor(band.to().subtract(STEP)))
                            .as(factor.factor() + " just under " + band.to())
                            .isEqualTo(band);
                }
                previous = band;
            }
        }
    }

    @Test
    void missing_data_gets_the_neutral_band_which_says_so() {
        for (Scorecard.Factor factor : CARD.factors()) {
            Scorecard.Band band = factor.bandFor(null);
            assertThat(band.missing()).isTrue();
            assertThat(band.grade()).as(factor.factor().name()).isEqualByComparingTo("50");
            assertThat(band.label()).as(factor.factor().name()).contains("neutral");
        }
    }

    @Test
    void days_beyond_terms_bands_at_their_edges() {
        // V106: ten bands falling steadily over the first 30 days beyond terms.
        Scorecard.Factor f = CARD.byFactor().get(ScoreFactor.DAYS_BEYOND_TERMS);
        assertThat(grade(f, "0")).isEqualTo("100");
        assertThat(grade(f, "0.9999")).isEqualTo("100");
        assertThat(grade(f, "1")).isEqualTo("92");
        assertThat(grade(f, "3.9999")).isEqualTo("92");
        assertThat(grade(f, "4")).isEqualTo("80");
        assertThat(grade(f, "7.9999")).isEqualTo("80");
        assertThat(grade(f, "8")).isEqualTo("68");
        assertThat(grade(f, "11")).isEqualTo("55");
        assertThat(grade(f, "16")).isEqualTo("42");
        assertThat(grade(f, "21")).isEqualTo("28");
        assertThat(grade(f, "30.9999")).isEqualTo("28");
        assertThat(grade(f, "31")).isEqualTo("12");
        assertThat(grade(f, "46")).isEqualTo("5");
        assertThat(grade(f, "60.9999")).isEqualTo("5");
        assertThat(grade(f, "61")).isEqualTo("0");
        Scorecard.Factor late = CARD.byFactor().get(ScoreFactor.LATE_PAYMENT_SHARE);
        assertThat(grade(late, "4.9999")).isEqualTo("100");
        assertThat(grade(late, "5")).isEqualTo("92");
        assertThat(grade(late, "30")).isEqualTo("48");
        assertThat(grade(late, "80")).isEqualTo("0");
    }

    @Test
    void bounced_cheques_max_days_overdue_and_utilisation_bands_at_their_edges() {
        Map<ScoreFactor, Scorecard.Factor> f = CARD.byFactor();
        assertThat(grade(f.get(ScoreFactor.BOUNCED_CHEQUES), "0")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.BOUNCED_CHEQUES), "1")).isEqualTo("40");
        assertThat(grade(f.get(ScoreFactor.BOUNCED_CHEQUES), "2")).isEqualTo("0");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "0")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "0.9999")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "1")).isEqualTo("75");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "8")).isEqualTo("65");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "16")).isEqualTo("45");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "30.9999")).isEqualTo("45");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "31")).isEqualTo("25");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "60")).isEqualTo("25");
        assertThat(grade(f.get(ScoreFactor.MAX_DAYS_OVERDUE), "61")).isEqualTo("0");
        assertThat(grade(f.get(ScoreFactor.LIMIT_UTILISATION), "49.9999")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.LIMIT_UTILISATION), "100")).isEqualTo("25");
        assertThat(grade(f.get(ScoreFactor.LIMIT_UTILISATION), "120")).isEqualTo("0");
    }

    @Test
    void business_age_trend_ratios_and_rating_bands_at_their_edges() {
        Map<ScoreFactor, Scorecard.Factor> f = CARD.byFactor();
        assertThat(grade(f.get(ScoreFactor.YEARS_IN_BUSINESS), "1.9999")).isEqualTo("20");
        assertThat(grade(f.get(ScoreFactor.YEARS_IN_BUSINESS), "10")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.SALES_TREND), "-30.0001")).isEqualTo("0");
        assertThat(grade(f.get(ScoreFactor.SALES_TREND), "-30")).isEqualTo("40");
        assertThat(grade(f.get(ScoreFactor.SALES_TREND), "10")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.CURRENT_RATIO), "0.7999")).isEqualTo("10");
        assertThat(grade(f.get(ScoreFactor.CURRENT_RATIO), "1.5")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.DEBT_RATIO), "80")).isEqualTo("10");
        assertThat(grade(f.get(ScoreFactor.NET_MARGIN), "-0.0001")).isEqualTo("10");
        assertThat(grade(f.get(ScoreFactor.NET_MARGIN), "0")).isEqualTo("45");
        assertThat(grade(f.get(ScoreFactor.ALTMAN_Z), "1.0999")).isEqualTo("10");
        assertThat(grade(f.get(ScoreFactor.ALTMAN_Z), "2.6")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.EXTERNAL_RATING), "3")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.EXTERNAL_RATING), "4")).isEqualTo("80");
        assertThat(grade(f.get(ScoreFactor.EXTERNAL_RATING), "10")).isEqualTo("0");
        assertThat(grade(f.get(ScoreFactor.BROKEN_PROMISES_12M), "0")).isEqualTo("100");
        assertThat(grade(f.get(ScoreFactor.BROKEN_PROMISES_12M), "1")).isEqualTo("30");
        assertThat(grade(f.get(ScoreFactor.BROKEN_PROMISES_12M), "2")).isEqualTo("0");
    }

    @Test
    void the_points_of_the_explanation_add_up_to_the_score_for_any_values() {
        long seed = 20_251_123L;
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Map<ScoreFactor, BigDecimal> values = new EnumMap<>(ScoreFactor.class);
            for (ScoreFactor factor : ScoreFactor.values()) {
                if (random.nextInt(5) > 0) {
                    values.put(factor, BigDecimal.valueOf(random.nextInt(3_000_000) - 1_000_000, 4));
                }
            }
            Scorecard.Evaluation e = CARD.evaluate(values);
            assertThat(e.parts().stream().map(Scorecard.Part::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("seed %d, case %d", seed, i)
                    .isEqualByComparingTo(e.score());
            assertThat(e.score()).as("seed %d", seed).isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        }
    }

    @Test
    void a_perfect_customer_scores_100_in_class_a_and_a_customer_without_data_is_neutral() {
        Map<ScoreFactor, BigDecimal> best = new EnumMap<>(ScoreFactor.class);
        best.put(ScoreFactor.DAYS_BEYOND_TERMS, BigDecimal.ZERO);
        best.put(ScoreFactor.LATE_PAYMENT_SHARE, BigDecimal.ZERO);
        best.put(ScoreFactor.BOUNCED_CHEQUES, BigDecimal.ZERO);
        best.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.ZERO);
        best.put(ScoreFactor.LIMIT_UTILISATION, BigDecimal.TEN);
        best.put(ScoreFactor.YEARS_IN_BUSINESS, BigDecimal.valueOf(20));
        best.put(ScoreFactor.SALES_TREND, BigDecimal.valueOf(15));
        best.put(ScoreFactor.CURRENT_RATIO, BigDecimal.valueOf(2));
        best.put(ScoreFactor.DEBT_RATIO, BigDecimal.valueOf(30));
        best.put(ScoreFactor.NET_MARGIN, BigDecimal.valueOf(12));
        best.put(ScoreFactor.ALTMAN_Z, BigDecimal.valueOf(4));
        best.put(ScoreFactor.EXTERNAL_RATING, BigDecimal.ONE);
        best.put(ScoreFactor.BROKEN_PROMISES_12M, BigDecimal.ZERO);
        assertThat(CARD.evaluate(best).score()).isEqualByComparingTo("100");
        assertThat(CARD.evaluate(best).riskClass().riskClass()).isEqualTo("A");
        assertThat(CARD.evaluate(Map.of()).score()).isEqualByComparingTo("50");
    }

    @Test
    void recommended_limit_is_monthly_sales_times_terms_and_grace_over_30_times_the_class_factor_capped_by_net_worth() {
        Scorecard.ClassRule classA = CARD.classOf(new BigDecimal("90"));
        // 1,200,000 a year = 100,000 a month; (30 + 7) / 30 x 1.5 = 185,000
        assertThat(CARD.recommendedLimit(new BigDecimal("1200000"), 30, 7, classA, null))
                .isEqualByComparingTo("185000");
        // capped at 25% of 400,000 equity
        assertThat(CARD.recommendedLimit(new BigDecimal("1200000"), 30, 7, classA, new BigDecimal("400000")))
                .isEqualByComparingTo("100000");
        assertThat(CARD.recommendedLimit(new BigDecimal("1200000"), 30, 7, classA, new BigDecimal("-5")))
                .isEqualByComparingTo("0");
        assertThat(CARD.recommendedLimit(new BigDecimal("1200000"), 30, 7, CARD.classOf(BigDecimal.ZERO), null))
                .isEqualByComparingTo("0");
        assertThat(CARD.reviewOn(LocalDate.of(2025, 1, 31), CARD.classOf(new BigDecimal("45"))))
                .isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void a_customer_without_invoices_on_the_history_card_sits_in_c_whatever_its_age() {
        // Without history the run reports nothing overdue, no bounce and no broken promise (0), the rest is missing.
        // (Such a customer gets the thin-file card since V102; V106 moved weight to the payment habit, which
        // sits neutral here, so the history card keeps it in C even after ten years: 74.75 / B before V106.)
        Map<ScoreFactor, BigDecimal> none = new EnumMap<>(ScoreFactor.class);
        none.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.ZERO);
        none.put(ScoreFactor.BOUNCED_CHEQUES, BigDecimal.ZERO);
        none.put(ScoreFactor.BROKEN_PROMISES_12M, BigDecimal.ZERO);
        none.put(ScoreFactor.YEARS_IN_BUSINESS, BigDecimal.valueOf(6));
        assertThat(CARD.evaluate(none).score()).isEqualByComparingTo("70.00");
        assertThat(CARD.evaluate(none).riskClass().riskClass()).isEqualTo("C");
        none.put(ScoreFactor.YEARS_IN_BUSINESS, BigDecimal.valueOf(12));
        assertThat(CARD.evaluate(none).score()).isEqualByComparingTo("71.00");
        assertThat(CARD.evaluate(none).riskClass().riskClass()).isEqualTo("C");
    }

    @Test
    void class_boundaries_belong_to_the_better_class() {
        assertThat(CARD.classOf(new BigDecimal("82")).riskClass()).isEqualTo("A");
        assertThat(CARD.classOf(new BigDecimal("81.99")).riskClass()).isEqualTo("B");
        assertThat(CARD.classOf(new BigDecimal("75")).riskClass()).isEqualTo("B");
        assertThat(CARD.classOf(new BigDecimal("74.99")).riskClass()).isEqualTo("C");
        assertThat(CARD.classOf(new BigDecimal("60")).riskClass()).isEqualTo("C");
        assertThat(CARD.classOf(new BigDecimal("59.99")).riskClass()).isEqualTo("D");
        assertThat(CARD.classOf(new BigDecimal("45")).riskClass()).isEqualTo("D");
        assertThat(CARD.classOf(new BigDecimal("44.99")).riskClass()).isEqualTo("E");
    }

    private static String grade(Scorecard.Factor factor, String value) {
        return factor.bandFor(new BigDecimal(value))
                .grade()
                .stripTrailingZeros()
                .toPlainString();
    }
}
