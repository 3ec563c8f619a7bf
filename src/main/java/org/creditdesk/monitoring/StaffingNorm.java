package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DESIGN.md point 10: {@code supervisorsLow}–{@code supervisorsHigh} credit supervisors per
 * {@code annualSales} of sales or per {@code customersLow}–{@code customersHigh} customers.
 *
 * <p>An area needs the larger of what its sales and its customer count ask for, for each end of the
 * range. The lenient end pairs the fewer supervisors with the more customers (2 per 60), the strict
 * end the more supervisors with the fewer customers (3 per 50). Results are rounded up to whole
 * people: part of a workload still needs someone, so an area with one customer needs one supervisor.
 */
public record StaffingNorm(
        int supervisorsLow, int supervisorsHigh, BigDecimal annualSales, int customersLow, int customersHigh) {

    public StaffingNorm {
        if (supervisorsLow < 1 || supervisorsHigh < supervisorsLow) {
            throw new IllegalArgumentException("supervisors range must be 1 or more, low first");
        }
        if (annualSales.signum() <= 0) throw new IllegalArgumentException("annual sales unit must be positive");
        if (customersLow < 1 || customersHigh < customersLow) {
            throw new IllegalArgumentException("customers range must be 1 or more, low first");
        }
    }

    public static StaffingNorm standard() {
        return new StaffingNorm(2, 3, new BigDecimal("20000000.00"), 50, 60);
    }

    /** The range of supervisors an area with these annual sales and customers needs. */
    public Headcount required(BigDecimal sales, int customers) {
        int bySalesLow = ceil(BigDecimal.valueOf(supervisorsLow).multiply(sales), annualSales);
        int bySalesHigh = ceil(BigDecimal.valueOf(supervisorsHigh).multiply(sales), annualSales);
        int byCustomersLow =
                ceil(BigDecimal.valueOf((long) supervisorsLow * customers), BigDecimal.valueOf(customersHigh));
        int byCustomersHigh =
                ceil(BigDecimal.valueOf((long) supervisorsHigh * customers), BigDecimal.valueOf(customersLow));
        return new Headcount(Math.max(bySalesLow, byCustomersLow), Math.max(bySalesHigh, byCustomersHigh));
    }

    private static int ceil(BigDecimal numerator, BigDecimal denominator) {
        if (numerator.signum() <= 0) return 0;
        return numerator.divide(denominator, 0, RoundingMode.CEILING).intValueExact();
    }

    public record Headcount(int low, int high) {

        /** BELOW, WITHIN or ABOVE the range for an actual (possibly fractional) headcount. */
        public String assess(BigDecimal actual) {
            if (actual.compareTo(BigDecimal.valueOf(low)) < 0) return "BELOW";
            if (actual.compareTo(BigDecimal.valueOf(high)) > 0) return "ABOVE";
            return "WITHIN";
        }
    }
}
