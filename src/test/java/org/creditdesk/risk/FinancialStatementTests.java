package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FinancialStatementTests {

    static final List<String> FULL =
            List.of("1000000", "50000", "80000", "300000", "200000", "800000", "500000", "120000", "300000");

    /** Which ratio factors each figure feeds (as the scoring statement computes them). */
    static final Map<String, Set<ScoreFactor>> FEEDS = Map.of(
            "revenue", Set.of(ScoreFactor.NET_MARGIN, ScoreFactor.SALES_TO_ASSETS),
            "netIncome",
                    Set.of(
                            ScoreFactor.NET_MARGIN,
                            ScoreFactor.NET_INCOME_TO_ASSETS,
                            ScoreFactor.NET_INCOME_TO_LIABILITIES),
            "ebit", Set.of(ScoreFactor.ALTMAN_Z, ScoreFactor.EBIT_TO_ASSETS),
            "currentAssets",
                    Set.of(ScoreFactor.CURRENT_RATIO, ScoreFactor.ALTMAN_Z, ScoreFactor.WORKING_CAPITAL_TO_ASSETS),
            "currentLiabilities",
                    Set.of(ScoreFactor.CURRENT_RATIO, ScoreFactor.ALTMAN_Z, ScoreFactor.WORKING_CAPITAL_TO_ASSETS),
            "totalAssets",
                    Set.of(
                            ScoreFactor.DEBT_RATIO,
                            ScoreFactor.ALTMAN_Z,
                            ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
                            ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
                            ScoreFactor.EBIT_TO_ASSETS,
                            ScoreFactor.NET_INCOME_TO_ASSETS,
                            ScoreFactor.SALES_TO_ASSETS,
                            ScoreFactor.LOG_TOTAL_ASSETS),
            "totalLiabilities",
                    Set.of(
                            ScoreFactor.DEBT_RATIO,
                            ScoreFactor.ALTMAN_Z,
                            ScoreFactor.EQUITY_TO_LIABILITIES,
                            ScoreFactor.NET_INCOME_TO_LIABILITIES),
            "retainedEarnings", Set.of(ScoreFactor.ALTMAN_Z, ScoreFactor.RETAINED_EARNINGS_TO_ASSETS),
            "bookEquity", Set.of(ScoreFactor.ALTMAN_Z, ScoreFactor.EQUITY_TO_LIABILITIES));

    @Test
    void a_statement_with_any_one_figure_missing_is_accepted_and_warns_of_exactly_the_ratios_that_need_it() {
        for (String field : FinancialStatement.FIELDS) {
            FinancialStatement statement = with(field, null);

            assertThat(statement.violations("CNY", null)).as(field).isEmpty();
            assertThat(StatementRatios.missing(statement, 2024).keySet())
                    .as(field)
                    .containsExactlyInAnyOrderElementsOf(FEEDS.get(field));
            assertThat(statement.warnings(2024, 7))
                    .as(field)
                    .allSatisfy(w -> assertThat(w.message()).contains(field).contains("2024"))
                    .extracting(Violation::line)
                    .containsOnly(7L);
        }
        assertThat(StatementRatios.missing(statement(FULL), 2024)).isEmpty();
    }

    @Test
    void zero_denominators_are_named_and_total_liabilities_of_zero_explains_the_missing_altman_z() {
        assertThat(StatementRatios.missing(with("totalLiabilities", BigDecimal.ZERO), 2024))
                .containsOnlyKeys(
                        ScoreFactor.ALTMAN_Z, ScoreFactor.EQUITY_TO_LIABILITIES, ScoreFactor.NET_INCOME_TO_LIABILITIES)
                .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                        r -> r.contains("totalLiabilities is 0") && r.contains("division by zero"), "named"));
        assertThat(StatementRatios.missing(with("revenue", BigDecimal.ZERO), 2024))
                .containsOnlyKeys(ScoreFactor.NET_MARGIN);
        assertThat(StatementRatios.missing(with("currentLiabilities", BigDecimal.ZERO), 2024))
                .containsOnlyKeys(ScoreFactor.CURRENT_RATIO);
    }

    @Test
    void only_contradictory_or_empty_statements_are_refused_naming_the_field() {
        assertThat(with("totalLiabilities", new BigDecimal("-1")).violations("CNY", 3))
                .extracting(Violation::field, Violation::line)
                .startsWith(org.assertj.core.groups.Tuple.tuple("totalLiabilities", 3L));
        assertThat(with("currentAssets", new BigDecimal("900000")).violations("CNY", null))
                .extracting(Violation::field)
                .containsExactly("currentAssets");
        assertThat(with("currentLiabilities", new BigDecimal("600000")).violations("CNY", null))
                .extracting(Violation::field)
                .containsExactly("currentLiabilities");
        assertThat(with("totalAssets", BigDecimal.ZERO).violations("CNY", null))
                .extracting(Violation::field)
                .contains("totalAssets");
        List<@Nullable String> none = new ArrayList<>();
        FinancialStatement.FIELDS.forEach(f -> none.add(null));
        assertThat(statement(none).violations("CNY", null))
                .extracting(Violation::field)
                .containsExactly("statement");
        assertThat(with("netIncome", new BigDecimal("-70000")).violations("CNY", null))
                .as("a loss is no contradiction")
                .isEmpty();
    }

    static FinancialStatement with(String field, @Nullable BigDecimal value) {
        List<@Nullable String> figures = new ArrayList<>(FULL);
        figures.set(FinancialStatement.FIELDS.indexOf(field), value == null ? null : value.toPlainString());
        return statement(figures);
    }

    static FinancialStatement statement(List<@Nullable String> f) {
        List<@Nullable BigDecimal> a =
                f.stream().map(s -> s == null ? null : new BigDecimal(s)).toList();
        return new FinancialStatement(
                "CNY", a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5), a.get(6), a.get(7), a.get(8));
    }
}
