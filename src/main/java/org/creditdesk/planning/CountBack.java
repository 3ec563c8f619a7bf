package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Days sales outstanding by the count-back method: start from the receivables on the date and take
 * away each period's sales, newest period first; every period whose sales are used up whole adds its
 * days, and the period where the receivables run out adds the share of its days that the remaining
 * receivables are of its sales. Periods are calendar months, the newest one from its first day to the
 * date. Receivables older than all the periods given count every period's days (the horizon).
 * The result is rounded half-up to one decimal. (The sales appraisal also computes a DSO; this one is
 * planning's, named and documented here, and may be unified later.)
 */
final class CountBack {

    private static final int SCALE = 10;

    private CountBack() {}

    /** One period's length in days and its sales (invoiced amount). */
    record Period(int days, BigDecimal sales) {}

    static BigDecimal days(BigDecimal receivables, List<Period> newestFirst) {
        BigDecimal remaining = receivables;
        BigDecimal days = BigDecimal.ZERO;
        for (Period period : newestFirst) {
            if (remaining.signum() <= 0) break;
            if (period.sales().compareTo(remaining) >= 0) {
                days = days.add(BigDecimal.valueOf(period.days())
                        .multiply(remaining)
                        .divide(period.sales(), SCALE, RoundingMode.HALF_UP));
                remaining = BigDecimal.ZERO;
            } else {
                days = days.add(BigDecimal.valueOf(period.days()));
                remaining = remaining.subtract(period.sales().max(BigDecimal.ZERO));
            }
        }
        return days.setScale(1, RoundingMode.HALF_UP);
    }

    /**
     * The simple method, for reference: receivables / sales of the newest {@code periods} periods x
     * their days; zero when there were no sales then and nothing is open, else the periods' days when
     * nothing was sold.
     */
    static BigDecimal simpleDays(BigDecimal receivables, List<Period> newestFirst, int periods) {
        List<Period> window = newestFirst.subList(0, Math.min(periods, newestFirst.size()));
        BigDecimal sales = window.stream().map(Period::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
        int days = window.stream().mapToInt(Period::days).sum();
        if (receivables.signum() <= 0) return BigDecimal.ZERO.setScale(1);
        if (sales.signum() <= 0) return BigDecimal.valueOf(days).setScale(1);
        return receivables.multiply(BigDecimal.valueOf(days)).divide(sales, 1, RoundingMode.HALF_UP);
    }
}
