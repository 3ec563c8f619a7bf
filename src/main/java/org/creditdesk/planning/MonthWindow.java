package org.creditdesk.planning;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar months the actuals are bucketed into, oldest first; the newest is the month of
 * {@code asOf}, counted up to {@code asOf}. Bucket 0 holds everything before the first month; bucket
 * j (1..months) is month j.
 */
record MonthWindow(LocalDate asOf, int months) {

    YearMonth month(int bucket) {
        return YearMonth.from(asOf).minusMonths(months - bucket);
    }

    LocalDate start(int bucket) {
        return month(bucket).atDay(1);
    }

    LocalDate end(int bucket) {
        LocalDate end = month(bucket).atEndOfMonth();
        return end.isAfter(asOf) ? asOf : end;
    }

    int days(int bucket) {
        return end(bucket).getDayOfMonth();
    }

    /** The first day of each month: the lower bounds SQL's width_bucket sorts dates by. */
    String[] lowerBounds() {
        String[] bounds = new String[months];
        for (int j = 1; j <= months; j++) bounds[j - 1] = start(j).toString();
        return bounds;
    }

    /** The count-back periods ending with bucket {@code last}, newest first, {@code count} of them. */
    List<CountBack.Period> periods(NodeActuals actuals, int last, int count) {
        List<CountBack.Period> periods = new ArrayList<>(count);
        for (int j = last; j > last - count && j >= 1; j--) {
            periods.add(new CountBack.Period(days(j), actuals.sales()[j]));
        }
        return periods;
    }
}
