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
        return compare(
                plan,
                level,
                window.asOf(),
                actuals.stream().map(a -> NodeMeasures.of(a, window)).toList(),
                areas);
    }

    static List<PlanNodeStatus> compare(
            FundPlan plan, Level level, LocalDate asOf, List<NodeMeasures> measures, Set<String> areas) {
        Map<String, Planned> planned = planned(plan, level, areas);
        Map<String, BigDecimal> margins = new LinkedHashMap<>();
        plan.productLines().forEach(l -> {
            if (l.grossMargin() != null) margins.put(l.productLine(), l.grossMargin());
        });
        Map<String, Integer> lineDays = new LinkedHashMap<>();
        plan.productLines().forEach(l -> lineDays.put(l.productLine(), l.targetDays()));
        Map<String, Integer> areaDays = new LinkedHashMap<>();
        plan.areas().forEach(a -> areaDays.put(a.productLine() + "/" + a.area(), a.targetDays()));

        Map<String, NodeMeasures> byKey = new LinkedHashMap<>();
        measures.forEach(m -> byKey.put(m.key(), m));
        for (String key : planned.keySet()) {
            byKey.computeIfAbsent(
                    key,
                    k -> NodeMeasures.empty(
                            k, asOf.getMonthValue(), planned.get(k).customerName()));
        }
        List<PlanNodeStatus> nodes = new ArrayList<>(byKey.size());
        for (NodeMeasures node : byKey.values()) {
            Planned p = planned.get(node.key());
            Integer targetDays = p != null ? p.targetDays() : inheritedDays(node, areaDays, lineDays);
            nodes.add(status(node, p, targetDays, margins.get(node.productLine()), plan, asOf));
        }
        nodes.sort(Comparator.comparing(PlanNodeStatus::key));
        return nodes;
    }

    static PlanNodeStatus status(
            NodeMeasures node,
            @Nullable Planned planned,
            @Nullable Integer targetDays,
            @Nullable BigDecimal grossMargin,
            FundPlan plan,
            LocalDate asOf) {
        BigDecimal receivables = node.receivables();
        BigDecimal days = node.days();
        BigDecimal capitalCost =
                CapitalCost.of(node.monthEndSum(), node.samples(), plan.costOfCapitalRate(), asOf.getDayOfYear());
        BigDecimal margin =
                grossMargin == null ? null : CapitalCost.marginAfter(node.salesInPeriod(), grossMargin, capitalCost);
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
                CapitalCost.average(node.monthEndSum(), node.samples()),
                targetDays,
                days,
                node.simpleDays(),
                capitalCost,
                node.salesInPeriod(),
                grossMargin,
                margin,
                capacity,
                node.lastYearSales(),
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
            NodeMeasures node, Map<String, Integer> areaDays, Map<String, Integer> lineDays) {
        if (node.area() != null) {
            Integer days = areaDays.get(node.productLine() + "/" + node.area());
            if (days != null) return days;
        }
        return lineDays.get(node.productLine());
    }
}
