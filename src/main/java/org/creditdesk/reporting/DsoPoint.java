package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Days sales outstanding on a date by the average-sales method: what is open divided by what was
 * invoiced in the {@value #WINDOW_DAYS} days before, times those days. Null without sales in the window.
 */
record DsoPoint(LocalDate asOf, BigDecimal receivables, BigDecimal overdue, BigDecimal sales) {

    static final int WINDOW_DAYS = 90;

    @Nullable
    public BigDecimal days() {
        if (sales.signum() <= 0) return null;
        return receivables.multiply(BigDecimal.valueOf(WINDOW_DAYS)).divide(sales, 1, RoundingMode.HALF_UP);
    }
}
