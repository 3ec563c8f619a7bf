package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Expected receipts per week from the predicted pay dates of open invoices, against what falls due in
 * the week (week 1 also carries what is overdue already), in one currency, by area or product line.
 *
 * @param predictedAsOf the date of the stored predictions the forecast reads (null: none yet)
 */
record CashForecast(
        LocalDate asOf,
        @Nullable LocalDate predictedAsOf,
        String currency,
        String groupBy,
        List<String> groups,
        List<Week> weeks) {

    record Week(LocalDate weekStart, BigDecimal expected, BigDecimal due, List<Group> byGroup) {}

    record Group(String key, BigDecimal expected, BigDecimal due) {}
}
