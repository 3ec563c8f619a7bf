package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Puts a plan beside the ledger's actuals, node by node, without Spring: planned amount and target
 * days from the plan; receivables, days outstanding, capital cost and margin from the monthly buckets.
 * The period is the plan year up to the date. Area-scoped callers ({@code areas} not empty) get only
 * their areas' nodes, and a product line's planned amount is then the sum of their areas' amounts.
 */
final class PlanVersusActual {

    static final int STATUS_MONTHS = 24;
    static final int SIMPLE_METHOD_MONTHS = 3;
    private static final BigDecimal AMBER_SHARE = new BigDecimal("0.90");

    private PlanVersusActual() {}

    private record Planned(
            @Nullable BigDecimal amount,
            @Nullable Integer targetDays,
            @Nullable BigDecimal grossMargin,
            @Nullable String customerName) {}

    static List<PlanNodeStatus> compare(
            FundPlan plan, Level level, MonthWindow window, List<NodeActuals> actuals, Set<String> areas) {
        Map<String, Planned> planned = planned(plan, level, areas);
        Map<String, BigDecimal> margins = new LinkedHashMap<>();
        plan.productLines().forEach(l -> {
            if (l.grossMargin() != null) margins.put(l.productLine(), l.grossMargin());
        });
        Map<String, Integer> lineDays = new LinkedHashMap<>();
        plan.productLines().forEach(l -> lineDays.put(l.productLine(), l.targetDays()));
        Map<String, Integer> areaDays = new LinkedHashMap<>();
        plan.areas().forEach(a -> areaDays.put(a.productLine() + "/" + a.area(), a.targetDays()));

        Map<String, NodeActuals> byKey = new LinkedHashMap<>();
        actuals.forEach(a -> byKey.put(a.key(), a));
        for (String key : planned.keySet()) {
            byKey.computeIfAbsent(
                    key, k -> empty(k, window.months(), planned.get(k).customerName()));
        }
        List<PlanNodeStatus> nodes = new ArrayList<>(byKey.size());
        for (NodeActuals node : byKey.values()) {
            Planned p = planned.get(node.key());
            Integer targetDays = p != null ? p.targetDays() : inheritedDays(node, areaDays, lineDays);
            nodes.add(status(node, p, targetDays, margins.get(node.productLine()), plan, window));
        }
        nodes.sort(Comparator.comparing(PlanNodeStatus::key));
        return nodes;
    }

    static PlanNodeStatus status(
            NodeActuals node,
            @Nullable Planned planned,
            @Nullable Integer targetDays,
            @Nullable BigDecimal grossMargin,
            FundPlan plan,
            MonthWindow window) {
        int last = window.months();
        LocalDate asOf = window.asOf();
        BigDecimal[] balances = node.receivables();
        BigDecimal receivables = balances[last].setScale(2, RoundingMode.HALF_UP);
        List<CountBack.Period> periods = window.periods(node, last, last);
        BigDecimal days = CountBack.days(receivables, periods);
        BigDecimal simple = CountBack.simpleDays(receivables, periods, SIMPLE_METHOD_MONTHS);
        // Samples: the end of each month of the plan year up to the date's month (its end = the date).
        int samples = asOf.getMonthValue();
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
        BigDecimal capitalCost = CapitalCost.of(sum, samples, plan.costOfCapitalRate(), asOf.getDayOfYear());
        BigDecimal margin =
                grossMargin == null ? null : CapitalCost.marginAfter(salesInPeriod, grossMargin, capitalCost);
        BigDecimal amount = planned == null ? null : planned.amount();
        BigDecimal capacity = amount == null || targetDays == null ? null : FundPlan.capacity(amount, targetDays);
        BigDecimal used =
                amount == null || amount.signum() == 0 ? null : receivables.divide(amount, 4, RoundingMode.HALF_UP);
        boolean overAmount = amount != null && receivables.compareTo(amount) > 0;
        boolean overDays = targetDays != null && days.compareTo(BigDecimal.valueOf(targetDays)) > 0;
        boolean overPlan = overAmount || overDays;
        PlanNodeStatus.Light light = overPlan
                ? PlanNodeStatus.Light.RED
                : used != null && used.compareTo(AMBER_SHARE) > 0
                        ? PlanNodeStatus.Light.AMBER
                        : targetDays != null
                                        && days.compareTo(BigDecimal.valueOf(targetDays)
                                                        .multiply(AMBER_SHARE))
                                                > 0
                                ? PlanNodeStatus.Light.AMBER
                                : PlanNodeStatus.Light.GREEN;
        return new PlanNodeStatus(
                node.key(),
                node.productLine(),
                node.area(),
                node.customerCode(),
                node.customerName() != null ? node.customerName() : planned == null ? null : planned.customerName(),
                amount,
                receivables,
                CapitalCost.average(sum, samples),
                targetDays,
                days,
                simple,
                capitalCost,
                salesInPeriod.setScale(2, RoundingMode.HALF_UP),
                grossMargin,
                margin,
                capacity,
                lastYearSales.setScale(2, RoundingMode.HALF_UP),
                used,
                overPlan,
                light);
    }

    private static Map<String, Planned> planned(FundPlan plan, Level level, Set<String> areas) {
        Map<String, Planned> planned = new LinkedHashMap<>();
        boolean all = areas.isEmpty();
        switch (level) {
            case PRODUCT_LINE -> {
                for (FundPlan.ProductLinePlan line : plan.productLines()) {
                    BigDecimal amount = all
                            ? line.amount()
                            : plan.areas().stream()
                                    .filter(a -> a.productLine().equals(line.productLine()) && areas.contains(a.area()))
                                    .map(FundPlan.AreaPlan::amount)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                    planned.put(line.productLine(), new Planned(amount, line.targetDays(), line.grossMargin(), null));
                }
            }
            case AREA ->
                plan.areas().stream()
                        .filter(a -> all || areas.contains(a.area()))
                        .forEach(a -> planned.put(
                                Nodes.key(a.productLine(), a.area(), null),
                                new Planned(a.amount(), a.targetDays(), null, null)));
            case CUSTOMER ->
                plan.customers().stream()
                        .filter(c -> all || areas.contains(c.area()))
                        .forEach(c -> planned.put(
                                Nodes.key(c.productLine(), c.area(), c.customerCode()),
                                new Planned(c.amount(), c.targetDays(), null, null)));
        }
        return planned;
    }

    private static @Nullable Integer inheritedDays(
            NodeActuals node, Map<String, Integer> areaDays, Map<String, Integer> lineDays) {
        if (node.area() != null) {
            Integer days = areaDays.get(node.productLine() + "/" + node.area());
            if (days != null) return days;
        }
        return lineDays.get(node.productLine());
    }

    private static NodeActuals empty(String key, int months, @Nullable String name) {
        String[] parts = key.split("/", 3);
        BigDecimal[] net = new BigDecimal[months + 1];
        BigDecimal[] sales = new BigDecimal[months + 1];
        java.util.Arrays.fill(net, BigDecimal.ZERO);
        java.util.Arrays.fill(sales, BigDecimal.ZERO);
        return new NodeActuals(
                parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null, name, net, sales);
    }
}
