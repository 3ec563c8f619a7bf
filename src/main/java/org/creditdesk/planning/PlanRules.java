package org.creditdesk.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Checks a fund plan as sent: required fields (400), then values, references and the tree rule (422):
 * the product lines' amounts sum to at most the capital, each product line's areas to at most the
 * product line's amount, each area's customers to at most the area's amount. Every violation names
 * the node (field path and the node's key) so the editor can mark it.
 */
final class PlanRules {

    private static final BigDecimal MAX_RATE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PlanRules() {}

    /** What the rules need to know about the world: product lines, areas, customers' areas. */
    record Known(Set<String> productLines, Set<String> areas, Map<String, String> customerAreas) {}

    static PlanContent validate(FundPlanInput input, Known known) {
        List<Violation> missing = new ArrayList<>();
        if (input.capital() == null) missing.add(Violation.field("capital", "capital is required"));
        if (input.costOfCapitalRate() == null) {
            missing.add(Violation.field("costOfCapitalRate", "costOfCapitalRate is required"));
        }
        if (input.productLines() == null) missing.add(Violation.field("productLines", "productLines is required"));
        if (!missing.isEmpty())
            throw ProblemException.malformed("The fund plan is incomplete", missing)
                    .withKey("problem.text.theFundPlanIsIncomplete");

        List<Violation> violations = new ArrayList<>();
        BigDecimal capital = amount("capital", input.capital(), violations);
        BigDecimal rate = input.costOfCapitalRate();
        if (rate.signum() < 0
                || rate.compareTo(MAX_RATE) >= 0
                || rate.stripTrailingZeros().scale() > 6) {
            violations.add(Violation.field(
                    "costOfCapitalRate", "costOfCapitalRate is a yearly fraction from 0 to below 1 (0.06 = 6 %)"));
        }
        Integer industryDays = input.industryDays();
        if (industryDays != null && (industryDays < 1 || industryDays > 3650)) {
            violations.add(Violation.field("industryDays", "industryDays must be from 1 to 3650"));
        }

        Map<String, FundPlan.ProductLinePlan> lines = new LinkedHashMap<>();
        List<FundPlanInput.Line> lineInputs = input.productLines();
        for (int i = 0; i < lineInputs.size(); i++) {
            FundPlanInput.Line row = lineInputs.get(i);
            String at = "productLines[" + i + "]";
            String code = required(at + ".productLine", row.productLine(), violations);
            BigDecimal amount = amount(at + ".amount", row.amount(), violations);
            int days = days(at + ".targetDays", row.targetDays(), violations);
            FundPlan.BusinessGroup group = group(at + ".businessGroup", row.businessGroup(), violations);
            BigDecimal margin = row.grossMargin();
            if (margin != null
                    && (margin.abs().compareTo(HUNDRED) > 0
                            || margin.stripTrailingZeros().scale() > 2)) {
                violations.add(Violation.field(
                        at + ".grossMargin", "grossMargin is a percentage from -100 to 100 with at most 2 decimals"));
            }
            if (code == null) continue;
            if (!known.productLines().contains(code)) {
                violations.add(Violation.field(at + ".productLine", "unknown product line " + code));
            } else if (lines.containsKey(code)) {
                violations.add(Violation.field(at + ".productLine", "product line " + code + " is planned twice"));
            } else if (amount != null && days > 0 && group != null) {
                lines.put(code, new FundPlan.ProductLinePlan(code, group, amount, days, margin));
            }
        }

        Map<String, FundPlan.AreaPlan> areas = new LinkedHashMap<>();
        List<FundPlanInput.Area> areaInputs = input.areas() == null ? List.of() : input.areas();
        for (int i = 0; i < areaInputs.size(); i++) {
            FundPlanInput.Area row = areaInputs.get(i);
            String at = "areas[" + i + "]";
            String line = required(at + ".productLine", row.productLine(), violations);
            String area = required(at + ".area", row.area(), violations);
            BigDecimal amount = amount(at + ".amount", row.amount(), violations);
            int days = days(at + ".targetDays", row.targetDays(), violations);
            if (line == null || area == null) continue;
            String key = line + "/" + area;
            if (!lineInputs.stream().anyMatch(l -> line.equals(l.productLine()))) {
                violations.add(Violation.field(
                        at + ".productLine", "node " + key + ": product line " + line + " is not in the plan"));
            } else if (!known.areas().contains(area)) {
                violations.add(Violation.field(at + ".area", "node " + key + ": unknown area " + area));
            } else if (areas.containsKey(key)) {
                violations.add(Violation.field(at + ".area", "node " + key + " is planned twice"));
            } else if (amount != null && days > 0) {
                areas.put(key, new FundPlan.AreaPlan(line, area, amount, days));
            }
        }

        Map<String, FundPlan.CustomerPlan> customers = new LinkedHashMap<>();
        List<FundPlanInput.Customer> customerInputs = input.customers() == null ? List.of() : input.customers();
        for (int i = 0; i < customerInputs.size(); i++) {
            FundPlanInput.Customer row = customerInputs.get(i);
            String at = "customers[" + i + "]";
            String code = required(at + ".customerCode", row.customerCode(), violations);
            String line = required(at + ".productLine", row.productLine(), violations);
            BigDecimal amount = amount(at + ".amount", row.amount(), violations);
            int days = days(at + ".targetDays", row.targetDays(), violations);
            if (code == null || line == null) continue;
            String area = known.customerAreas().get(code);
            if (area == null) {
                violations.add(Violation.field(at + ".customerCode", "unknown customer " + code));
                continue;
            }
            String key = line + "/" + area + "/" + code;
            if (!areas.containsKey(line + "/" + area)
                    && areaInputs.stream().noneMatch(a -> line.equals(a.productLine()) && area.equals(a.area()))) {
                violations.add(Violation.field(
                        at + ".customerCode",
                        "node " + key + ": its area " + area + " has no amount under product line " + line));
            } else if (customers.containsKey(line + "/" + code)) {
                violations.add(Violation.field(at + ".customerCode", "node " + key + " is planned twice"));
            } else if (amount != null && days > 0) {
                customers.put(line + "/" + code, new FundPlan.CustomerPlan(code, line, area, amount, days));
            }
        }

        if (violations.isEmpty()) violations.addAll(sumsWithinParents(capital, lines, areas, customers));
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The fund plan is not valid", violations)
                    .withKey("problem.text.theFundPlanIsNotValid");
        return new PlanContent(
                capital,
                rate,
                industryDays,
                List.copyOf(lines.values()),
                List.copyOf(areas.values()),
                List.copyOf(customers.values()));
    }

    /** Each level's amounts sum to at most its parent's; one violation per parent node over its amount. */
    static List<Violation> sumsWithinParents(
            BigDecimal capital,
            Map<String, FundPlan.ProductLinePlan> lines,
            Map<String, FundPlan.AreaPlan> areas,
            Map<String, FundPlan.CustomerPlan> customers) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal linesSum =
                lines.values().stream().map(FundPlan.ProductLinePlan::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (linesSum.compareTo(capital) > 0) {
            violations.add(Violation.field(
                    "productLines",
                    "node PLAN: product lines sum to %s, more than the capital %s"
                            .formatted(linesSum.toPlainString(), capital.toPlainString())));
        }
        Map<String, BigDecimal> byLine = new LinkedHashMap<>();
        areas.values().forEach(a -> byLine.merge(a.productLine(), a.amount(), BigDecimal::add));
        int index = 0;
        for (FundPlan.ProductLinePlan line : lines.values()) {
            BigDecimal sum = byLine.getOrDefault(line.productLine(), BigDecimal.ZERO);
            if (sum.compareTo(line.amount()) > 0) {
                violations.add(Violation.field(
                        "productLines[" + index + "].amount",
                        "node %s: areas sum to %s, more than its %s"
                                .formatted(
                                        line.productLine(),
                                        sum.toPlainString(),
                                        line.amount().toPlainString())));
            }
            index++;
        }
        Map<String, BigDecimal> byArea = new LinkedHashMap<>();
        customers.values().forEach(c -> byArea.merge(c.productLine() + "/" + c.area(), c.amount(), BigDecimal::add));
        index = 0;
        for (Map.Entry<String, FundPlan.AreaPlan> area : areas.entrySet()) {
            BigDecimal sum = byArea.getOrDefault(area.getKey(), BigDecimal.ZERO);
            if (sum.compareTo(area.getValue().amount()) > 0) {
                violations.add(Violation.field(
                        "areas[" + index + "].amount",
                        "node %s: customers sum to %s, more than its %s"
                                .formatted(
                                        area.getKey(),
                                        sum.toPlainString(),
                                        area.getValue().amount().toPlainString())));
            }
            index++;
        }
        return violations;
    }

    private static @Nullable String required(String field, @Nullable String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.field(field, field.substring(field.lastIndexOf('.') + 1) + " is required"));
            return null;
        }
        return value.strip();
    }

    private static @Nullable BigDecimal amount(String field, @Nullable BigDecimal value, List<Violation> violations) {
        if (value == null) {
            violations.add(Violation.field(field, "amount is required"));
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            violations.add(Violation.field(field, "must be zero or more with at most 2 decimals"));
            return null;
        }
        return value.setScale(2);
    }

    private static int days(String field, @Nullable Integer value, List<Violation> violations) {
        if (value == null || value < 1 || value > 3650) {
            violations.add(Violation.field(field, "targetDays must be from 1 to 3650"));
            return 0;
        }
        return value;
    }

    private static FundPlan.@Nullable BusinessGroup group(
            String field, @Nullable String value, List<Violation> violations) {
        if (value != null) {
            for (FundPlan.BusinessGroup g : FundPlan.BusinessGroup.values()) {
                if (g.name().equals(value)) return g;
            }
        }
        violations.add(Violation.field(field, "businessGroup must be VOLUME or VALUE_ADDED, not '" + value + "'"));
        return null;
    }
}
