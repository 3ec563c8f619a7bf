package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger says of one node as of a date, whatever the plan: receivables on the date, the sum of the
 * receivables at the plan year's month ends up to the date ({@code samples} of them, for the average and the
 * capital cost), days outstanding (count-back and simple), the year's sales to the date and last year's
 * sales. The plan's amounts, target days, rate and margins are applied to these by {@link PlanVersusActual}.
 */
record NodeMeasures(
        String productLine,
        @Nullable String area,
        @Nullable String customerCode,
        @Nullable String customerName,
        BigDecimal receivables,
        BigDecimal monthEndSum,
        int samples,
        BigDecimal days,
        BigDecimal simpleDays,
        BigDecimal salesInPeriod,
        BigDecimal lastYearSales) {

    String key() {
        return Nodes.key(productLine, area, customerCode);
    }

    static NodeMeasures of(NodeActuals node, MonthWindow window) {
        int last = window.months();
        LocalDate asOf = window.asOf();
        BigDecimal[] balances = node.receivables();
        BigDecimal receivables = balances[last].setScale(2, RoundingMode.HALF_UP);
        List<CountBack.Period> periods = window.periods(node, last, last);
        BigDecimal days = CountBack.days(receivables, periods);
        BigDecimal simple = CountBack.simpleDays(receivables, periods, PlanVersusActual.SIMPLE_METHOD_MONTHS);
        // Samples: the end of each month of the plan year up to the date's month (its end = the date).
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal salesInPeriod = BigDecimal.ZERO;
        BigDecimal lastYearSales = BigDecimal.ZERO;
        for (int j = 1; j <= last; j++) {
            int year = window.month(j).getYear();
            if (year == asOf.getYear()) {
                sum = sum.add(balances[j]);
                salesInPeriod = salesInPeriod.add(node.sales()[j]);
            } else if (year == asOf.getYear() - 1) {
                lastYearSales = lastYearSales.add(node.sales()[j]);
            }
        }
        return new NodeMeasures(
                node.productLine(),
                node.area(),
                node.customerCode(),
                node.customerName(),
                receivables,
                sum,
                asOf.getMonthValue(),
                days,
                simple,
                salesInPeriod.setScale(2, RoundingMode.HALF_UP),
                lastYearSales.setScale(2, RoundingMode.HALF_UP));
    }

    /** A node the plan names and the ledger has nothing for. */
    static NodeMeasures empty(String key, int samples, @Nullable String customerName) {
        String[] parts = key.split("/", 3);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return new NodeMeasures(
                parts[0],
                parts.length > 1 ? parts[1] : null,
                parts.length > 2 ? parts[2] : null,
                customerName,
                zero,
                BigDecimal.ZERO,
                samples,
                BigDecimal.ZERO.setScale(1),
                BigDecimal.ZERO.setScale(1),
                zero,
                zero);
    }
}
