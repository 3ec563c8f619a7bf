package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SegmentCardTests {

    static final Scorecard HISTORY = ScoreTestCards.defaultCard();
    static final Scorecard THIN = ScoreTestCards.thinFileCard();

    @Test
    void the_thin_file_card_is_complete_its_weights_add_to_one_and_it_rests_on_statements_rating_age_and_links() {
        assertThat(THIN.problems()).isEmpty();
        assertThat(THIN.factors().stream().map(Scorecard.Factor::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1");
        assertThat(THIN.factors())
                .extracting(Scorecard.Factor::factor)
                .contains(
                        ScoreFactor.ALTMAN_Z,
                        ScoreFactor.DEBT_RATIO,
                        ScoreFactor.EXTERNAL_RATING,
                        ScoreFactor.YEARS_IN_BUSINESS,
                        ScoreFactor.BAD_LINKS)
                .doesNotContain(ScoreFactor.DAYS_BEYOND_TERMS, ScoreFactor.LATE_PAYMENT_SHARE);
    }

    @Test
    void a_customer_with_at_most_two_invoices_due_in_12_months_gets_the_thin_file_card_and_the_reason_says_so() {
        List<Scorecard> active = List.of(HISTORY, THIN);
        CardChoice none = CardChoice.of(active, "VOLUME", 0);
        assertThat(none.card()).isSameAs(THIN);
        assertThat(none.reason()).startsWith("thin file: 0 invoices fell due in the last 12 months (at most 2)");
        assertThat(CardChoice.of(active, "VOLUME", 2).card()).isSameAs(THIN);
        CardChoice three = CardChoice.of(active, "VOLUME", 3);
        assertThat(three.card()).isSameAs(HISTORY);
        assertThat(three.reason()).isEqualTo("payment history: 3 invoices fell due in the last 12 months");
        assertThat(CardChoice.of(List.of(HISTORY), "VOLUME", 0).card())
                .as("without a thin-file card the history card scores everybody")
                .isSameAs(HISTORY);
        assertThat(CardChoice.of(active, "VALUE_ADDED", 0))
                .as("no card of the group")
                .isNull();
    }

    @Test
    void a_distressed_firm_without_invoices_reaches_class_e_and_a_sound_one_class_a() {
        // Z'' below 0, liabilities above assets, losing 15 % of revenue, current ratio 0.5; no rating.
        Map<ScoreFactor, @Nullable BigDecimal> distressed = noInvoices("7");
        distressed.put(ScoreFactor.ALTMAN_Z, new BigDecimal("-0.8"));
        distressed.put(ScoreFactor.DEBT_RATIO, new BigDecimal("105"));
        distressed.put(ScoreFactor.NET_MARGIN, new BigDecimal("-15"));
        distressed.put(ScoreFactor.CURRENT_RATIO, new BigDecimal("0.5"));
        assertThat(THIN.evaluate(distressed).riskClass().riskClass()).isEqualTo("E");
        assertThat(HISTORY.evaluate(distressed).riskClass().riskClass())
                .as("the history card could not see it")
                .isIn("B", "C");

        Map<ScoreFactor, @Nullable BigDecimal> sound = noInvoices("12");
        sound.put(ScoreFactor.ALTMAN_Z, new BigDecimal("4.2"));
        sound.put(ScoreFactor.DEBT_RATIO, new BigDecimal("25"));
        sound.put(ScoreFactor.NET_MARGIN, new BigDecimal("11"));
        sound.put(ScoreFactor.CURRENT_RATIO, new BigDecimal("2.4"));
        assertThat(THIN.evaluate(sound).riskClass().riskClass()).isEqualTo("A");
    }

    @Test
    void the_thin_file_cards_finer_bands_fall_monotonically_as_the_ratios_worsen() {
        for (Scorecard.Factor factor : THIN.factors()) {
            List<Scorecard.Band> ranges =
                    factor.bands().stream().filter(b -> !b.missing()).toList();
            boolean higherIsBetter = List.of(
                            ScoreFactor.ALTMAN_Z,
                            ScoreFactor.CURRENT_RATIO,
                            ScoreFactor.NET_MARGIN,
                            ScoreFactor.YEARS_IN_BUSINESS,
                            ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
                            ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
                            ScoreFactor.EBIT_TO_ASSETS,
                            ScoreFactor.EQUITY_TO_LIABILITIES,
                            ScoreFactor.NET_INCOME_TO_ASSETS,
                            ScoreFactor.SALES_TO_ASSETS,
                            ScoreFactor.LOG_TOTAL_ASSETS,
                            ScoreFactor.NET_INCOME_TO_LIABILITIES)
                    .contains(factor.factor());
            for (int i = 1; i < ranges.size(); i++) {
                int order = ranges.get(i).grade().compareTo(ranges.get(i - 1).grade());
                assertThat(higherIsBetter ? order : -order)
                        .as(factor.factor() + " band " + i)
                        .isGreaterThanOrEqualTo(0);
            }
        }
    }

    private static Map<ScoreFactor, @Nullable BigDecimal> noInvoices(String years) {
        Map<ScoreFactor, @Nullable BigDecimal> values = new EnumMap<>(ScoreFactor.class);
        values.put(ScoreFactor.MAX_DAYS_OVERDUE, BigDecimal.ZERO);
        values.put(ScoreFactor.BOUNCED_CHEQUES, BigDecimal.ZERO);
        values.put(ScoreFactor.BROKEN_PROMISES_12M, BigDecimal.ZERO);
        values.put(ScoreFactor.BAD_LINKS, BigDecimal.ZERO);
        values.put(ScoreFactor.YEARS_IN_BUSINESS, new BigDecimal(years));
        return values;
    }
}
