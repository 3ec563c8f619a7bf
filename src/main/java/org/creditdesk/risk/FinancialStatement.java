package org.creditdesk.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * One fiscal year's figures of a customer, in the customer's currency. Working capital is current
 * assets less current liabilities; book equity is the net worth that caps the recommended limit.
 */
public record FinancialStatement(
        @Nullable String currency,
        @Nullable BigDecimal revenue,
        @Nullable BigDecimal netIncome,
        @Nullable BigDecimal ebit,
        @Nullable BigDecimal currentAssets,
        @Nullable BigDecimal currentLiabilities,
        @Nullable BigDecimal totalAssets,
        @Nullable BigDecimal totalLiabilities,
        @Nullable BigDecimal retainedEarnings,
        @Nullable BigDecimal bookEquity) {

    static final List<String> FIELDS = List.of(
            "revenue",
            "netIncome",
            "ebit",
            "currentAssets",
            "currentLiabilities",
            "totalAssets",
            "totalLiabilities",
            "retainedEarnings",
            "bookEquity");

    /** The figures in the order of {@link #FIELDS}; public for the risk page's statement table. */
    public List<@Nullable BigDecimal> amounts() {
        List<@Nullable BigDecimal> amounts = new ArrayList<>();
        amounts.add(revenue);
        amounts.add(netIncome);
        amounts.add(ebit);
        amounts.add(currentAssets);
        amounts.add(currentLiabilities);
        amounts.add(totalAssets);
        amounts.add(totalLiabilities);
        amounts.add(retainedEarnings);
        amounts.add(bookEquity);
        return amounts;
    }

    /**
     * What makes the figures contradictory or unreadable (field names as in the JSON), for a 422. A
     * missing figure is not wrong: the ratios that need it are left missing ({@link #warnings}).
     */
    List<Violation> violations(String customerCurrency, @Nullable Integer line) {
        List<Violation> violations = new ArrayList<>();
        if (currency != null && !currency.isBlank() && !currency.strip().equals(customerCurrency)) {
            add(violations, line, "currency", "must be the customer's currency " + customerCurrency);
        }
        List<@Nullable BigDecimal> amounts = amounts();
        if (amounts.stream().allMatch(java.util.Objects::isNull)) {
            add(violations, line, "statement", "has no figure at all");
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            BigDecimal amount = amounts.get(i);
            if (amount == null) continue;
            if (amount.stripTrailingZeros().scale() > 2) {
                add(violations, line, FIELDS.get(i), "has more than 2 decimals");
            } else if (amount.abs().compareTo(new BigDecimal("1e17")) >= 0) {
                add(violations, line, FIELDS.get(i), "is too large");
            }
        }
        if (totalAssets != null && totalAssets.signum() <= 0) {
            add(violations, line, "totalAssets", "must be positive");
        }
        for (String field : List.of("revenue", "currentAssets", "currentLiabilities", "totalLiabilities")) {
            BigDecimal amount = amounts.get(FIELDS.indexOf(field));
            if (amount != null && amount.signum() < 0) add(violations, line, field, "must not be negative");
        }
        if (currentAssets != null && totalAssets != null && currentAssets.compareTo(totalAssets) > 0) {
            add(violations, line, "currentAssets", "must not exceed total assets " + totalAssets.toPlainString());
        }
        if (currentLiabilities != null
                && totalLiabilities != null
                && currentLiabilities.compareTo(totalLiabilities) > 0) {
            add(
                    violations,
                    line,
                    "currentLiabilities",
                    "must not exceed total liabilities " + totalLiabilities.toPlainString());
        }
        return violations;
    }

    /** What the figures leave unscored: each ratio a missing figure or a zero denominator makes missing. */
    List<Violation> warnings(int year, @Nullable Integer line) {
        List<Violation> warnings = new ArrayList<>();
        StatementRatios.missing(this, year).forEach((factor, reason) -> add(warnings, line, factor.name(), reason));
        return warnings;
    }

    private static void add(List<Violation> violations, @Nullable Integer line, String field, String message) {
        violations.add(line == null ? Violation.field(field, message) : Violation.line(line, field, message));
    }
}
