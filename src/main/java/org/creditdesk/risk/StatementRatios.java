package org.creditdesk.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why a ratio of a financial statement cannot be computed: a figure it needs is missing, or its
 * denominator is zero. The scoring statement leaves such a ratio missing (its card's neutral band);
 * this says why, for the explained score and the import's warnings. The inputs are those of the
 * scoring run's SQL ({@code ScoreRepository}).
 */
final class StatementRatios {

    private StatementRatios() {}

    private record Ratio(ScoreFactor factor, List<String> inputs, List<String> denominators) {}

    private static final List<Ratio> RATIOS = List.of(
            new Ratio(
                    ScoreFactor.CURRENT_RATIO,
                    List.of("currentAssets", "currentLiabilities"),
                    List.of("currentLiabilities")),
            new Ratio(ScoreFactor.DEBT_RATIO, List.of("totalLiabilities", "totalAssets"), List.of("totalAssets")),
            new Ratio(ScoreFactor.NET_MARGIN, List.of("netIncome", "revenue"), List.of("revenue")),
            new Ratio(
                    ScoreFactor.ALTMAN_Z,
                    List.of(
                            "currentAssets",
                            "currentLiabilities",
                            "retainedEarnings",
                            "ebit",
                            "bookEquity",
                            "totalAssets",
                            "totalLiabilities"),
                    List.of("totalAssets", "totalLiabilities")),
            new Ratio(
                    ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
                    List.of("currentAssets", "currentLiabilities", "totalAssets"),
                    List.of("totalAssets")),
            new Ratio(
                    ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
                    List.of("retainedEarnings", "totalAssets"),
                    List.of("totalAssets")),
            new Ratio(ScoreFactor.EBIT_TO_ASSETS, List.of("ebit", "totalAssets"), List.of("totalAssets")),
            new Ratio(
                    ScoreFactor.EQUITY_TO_LIABILITIES,
                    List.of("bookEquity", "totalLiabilities"),
                    List.of("totalLiabilities")),
            new Ratio(ScoreFactor.NET_INCOME_TO_ASSETS, List.of("netIncome", "totalAssets"), List.of("totalAssets")),
            new Ratio(ScoreFactor.SALES_TO_ASSETS, List.of("revenue", "totalAssets"), List.of("totalAssets")),
            new Ratio(ScoreFactor.LOG_TOTAL_ASSETS, List.of("totalAssets"), List.of("totalAssets")),
            new Ratio(
                    ScoreFactor.NET_INCOME_TO_LIABILITIES,
                    List.of("netIncome", "totalLiabilities"),
                    List.of("totalLiabilities")));

    /** For each ratio of the statement that cannot be computed, why; ratios that can are absent. */
    static Map<ScoreFactor, String> missing(FinancialStatement statement, int year) {
        Map<ScoreFactor, String> reasons = new EnumMap<>(ScoreFactor.class);
        List<@Nullable BigDecimal> amounts = statement.amounts();
        for (Ratio ratio : RATIOS) {
            List<String> absent = new ArrayList<>();
            for (String input : ratio.inputs()) {
                if (amounts.get(FinancialStatement.FIELDS.indexOf(input)) == null) absent.add(input);
            }
            if (!absent.isEmpty()) {
                reasons.put(
                        ratio.factor(),
                        "the %d statement lacks %s: not computed, scored as missing"
                                .formatted(year, String.join(", ", absent)));
                continue;
            }
            for (String denominator : ratio.denominators()) {
                BigDecimal value = amounts.get(FinancialStatement.FIELDS.indexOf(denominator));
                if (value != null && value.signum() == 0) {
                    reasons.put(
                            ratio.factor(),
                            "%s is 0 in the %d statement: the ratio is undefined (division by zero), scored as missing"
                                    .formatted(denominator, year));
                    break;
                }
            }
        }
        return reasons;
    }
}
