package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's score as of a date with every factor's value and points (they add up to the score),
 * the risk class, the recommended limit in the customer's currency and the next review date; which
 * card scored it (its segment, HISTORY or THIN_FILE) and why that card.
 */
public record Score(
        String customerCode,
        LocalDate asOf,
        BigDecimal score,
        String riskClass,
        List<FactorLine> factors,
        BigDecimal recommendedLimit,
        String currency,
        LocalDate reviewOn,
        String scorecard,
        String segment,
        String segmentReason) {

    public Score {
        factors = List.copyOf(factors);
    }

    /**
     * One factor: its value (null when the customer has no data for it, then the neutral band
     * applies), the band it fell in, the factor's weight and the points it earned; {@code note} says
     * why a value is missing when the band cannot (a statement lacking a figure, a zero denominator).
     */
    public record FactorLine(
            String name,
            @Nullable BigDecimal value,
            String unit,
            BigDecimal points,
            BigDecimal weight,
            BigDecimal maxPoints,
            String band,
            boolean missing,
            @Nullable String note) {}
}
