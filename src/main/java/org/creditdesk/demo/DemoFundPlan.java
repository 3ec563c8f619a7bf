package org.creditdesk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.planning.FundPlanInput;
import org.creditdesk.planning.FundPlans;
import org.creditdesk.planning.Level;
import org.creditdesk.planning.PlanNodeStatus;
import org.springframework.stereotype.Component;

/**
 * The demo's approved fund plan for the current year: each product line with its business group and
 * gross margin, each product line x area sized from the receivables the demo book holds today, a
 * quarter of the areas deliberately 15 % short of them (they overrun), the rest with 25 % room.
 */
@Component
class DemoFundPlan {

    private static final Caller GM = new Caller("gm", Set.of(Role.GENERAL_MANAGER), Set.of());
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Map<String, String> GROUPS = Map.of(
            "PUMPS", "VOLUME",
            "VALVES", "VOLUME",
            "CABLES", "VOLUME",
            "MOTORS", "VALUE_ADDED",
            "AUTOMATION", "VALUE_ADDED",
            "HVAC", "VALUE_ADDED");
    private static final Map<String, String> MARGINS =
            Map.of("PUMPS", "22", "VALVES", "18", "CABLES", "9", "MOTORS", "15", "AUTOMATION", "28", "HVAC", "20");

    private final FundPlans plans;

    DemoFundPlan(FundPlans plans) {
        this.plans = plans;
    }

    void approveFor(LocalDate today) {
        int year = today.getYear();
        if (plans.approved(year, GM).isPresent()) return;
        List<FundPlanInput.Line> empty = ProductCatalog.LINES.stream()
                .map(l -> new FundPlanInput.Line(
                        l.code(),
                        GROUPS.get(l.code()),
                        BigDecimal.ZERO,
                        days(l.code()),
                        new BigDecimal(MARGINS.get(l.code()))))
                .toList();
        plans.save(
                year, new FundPlanInput(BigDecimal.ZERO, new BigDecimal("0.06"), 75, empty, List.of(), List.of()), GM);
        List<PlanNodeStatus> actual = plans.status(year, today, Level.AREA, GM).nodes();

        List<FundPlanInput.Area> areas = new ArrayList<>();
        Map<String, BigDecimal> lineSums = new LinkedHashMap<>();
        int index = 0;
        for (PlanNodeStatus node : actual) {
            if (!GROUPS.containsKey(node.productLine()) || node.area() == null) continue;
            BigDecimal factor = index++ % 4 == 0 ? new BigDecimal("0.85") : new BigDecimal("1.25");
            BigDecimal amount = node.actualReceivables()
                    .multiply(factor)
                    .divide(THOUSAND, 0, RoundingMode.HALF_UP)
                    .multiply(THOUSAND);
            areas.add(new FundPlanInput.Area(node.productLine(), node.area(), amount, days(node.productLine())));
            lineSums.merge(node.productLine(), amount, BigDecimal::add);
        }
        List<FundPlanInput.Line> lines = new ArrayList<>();
        BigDecimal capital = BigDecimal.ZERO;
        for (FundPlanInput.Line line : empty) {
            BigDecimal amount = lineSums.getOrDefault(line.productLine(), BigDecimal.ZERO)
                    .multiply(new BigDecimal("1.05"))
                    .setScale(0, RoundingMode.CEILING);
            lines.add(new FundPlanInput.Line(
                    line.productLine(), line.businessGroup(), amount, line.targetDays(), line.grossMargin()));
            capital = capital.add(amount);
        }
        capital = capital.multiply(new BigDecimal("1.10")).setScale(0, RoundingMode.CEILING);
        plans.save(year, new FundPlanInput(capital, new BigDecimal("0.06"), 75, lines, areas, List.of()), GM);
        plans.approve(year, "Demo plan: receivables budget for the year", GM);
    }

    private static int days(String productLine) {
        return "VALUE_ADDED".equals(GROUPS.get(productLine)) ? 90 : 60;
    }
}
