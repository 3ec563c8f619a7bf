package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cost of the capital tied up in receivables over a period: average receivables x yearly rate x
 * days / 365. The average is the mean of the receivables at the sample dates (each month end of the
 * plan year before the date, and the date itself), so the cost is computed exactly as
 * sum of samples x rate x days / (samples x 365) and rounded once, half-up to cents. Nothing is
 * rounded before that one division; a parent node's cost comes from its own receivables, not from its
 * children's rounded costs.
 */
final class CapitalCost {

    static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private CapitalCost() {}

    static BigDecimal of(BigDecimal sumOfSamples, int samples, BigDecimal yearlyRate, int days) {
        if (samples <= 0) throw new IllegalArgumentException("no sample dates");
        return sumOfSamples
                .multiply(yearlyRate)
                .multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(samples).multiply(DAYS_IN_YEAR), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal average(BigDecimal sumOfSamples, int samples) {
        return sumOfSamples.divide(BigDecimal.valueOf(samples), 2, RoundingMode.HALF_UP);
    }

    /** Gross margin (a percentage) on the sales, less the capital cost; rounded half-up to cents. */
    static BigDecimal marginAfter(BigDecimal sales, BigDecimal grossMarginPercent, BigDecimal capitalCost) {
        return sales.multiply(grossMarginPercent)
                .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP)
                .subtract(capitalCost)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
