package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;

class PlanRulesTests {

    static final PlanRules.Known KNOWN =
            new PlanRules.Known(Set.of("PIPES", "VALVES"), Set.of("EAST", "WEST"), Map.of("C1", "EAST", "C2", "WEST"));

    static FundPlanInput plan(String capital, String pipes, String east, String c1) {
        return new FundPlanInput(
                new BigDecimal(capital),
                new BigDecimal("0.06"),
                75,
                List.of(new FundPlanInput.Line("PIPES", "VOLUME", new BigDecimal(pipes), 60, new BigDecimal("15"))),
                List.of(new FundPlanInput.Area("PIPES", "EAST", new BigDecimal(east), 55)),
                List.of(new FundPlanInput.Customer("C1", "PIPES", new BigDecimal(c1), 45)));
    }

    @Test
    void a_plan_within_its_parents_is_accepted_with_capacities() {
        PlanContent content = PlanRules.validate(plan("1000.00", "1000.00", "600", "600"), KNOWN);
        assertThat(content.areas()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualTo(new BigDecimal("600.00"));
            assertThat(a.impliedSalesCapacity()).isEqualTo(new BigDecimal("3981.82"));
        });
        assertThat(content.customers())
                .singleElement()
                .satisfies(c -> assertThat(c.area()).isEqualTo("EAST"));
    }

    @Test
    void areas_over_their_product_line_are_refused_naming_the_node() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class, () -> PlanRules.validate(plan("1000", "500", "600", "0"), KNOWN));
        assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("productLines[0].amount");
            assertThat(v.message()).contains("node PIPES").contains("600.00").contains("500.00");
        });
    }

    @Test
    void customers_over_their_area_and_lines_over_the_capital_are_refused_naming_each_node() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class, () -> PlanRules.validate(plan("100", "1000", "600", "700"), KNOWN));
        assertThat(e.violations())
                .extracting(v -> v.message())
                .anySatisfy(m -> assertThat(m).contains("node PLAN"))
                .anySatisfy(m -> assertThat(m).contains("node PIPES/EAST").contains("700.00"));
    }

    @Test
    void unknown_references_and_missing_fields_are_named() {
        assertThatThrownBy(() -> PlanRules.validate(new FundPlanInput(null, null, null, null, null, null), KNOWN))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("capital", "costOfCapitalRate", "productLines"));
        FundPlanInput input = new FundPlanInput(
                new BigDecimal("10"),
                new BigDecimal("0.06"),
                null,
                List.of(new FundPlanInput.Line("NOPE", "VOLUME", BigDecimal.ONE, 30, null)),
                List.of(),
                List.of(new FundPlanInput.Customer("C9", "NOPE", BigDecimal.ONE, 30)));
        assertThatThrownBy(() -> PlanRules.validate(input, KNOWN))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("productLines[0].productLine", "customers[0].customerCode"));
    }

    /** Random trees: whatever the rules accept never has a level summing over its parent. */
    @Test
    void sums_never_exceed_parents() {
        long seed = System.nanoTime();
        System.out.println("PlanRulesTests seed " + seed);
        Random random = new Random(seed);
        int accepted = 0;
        for (int run = 0; run < 400; run++) {
            // Top down: each child gets up to 55 % of its parent, now and then up to 120 % (over).
            BigDecimal capital = money(random, 100_000);
            List<FundPlanInput.Line> lines = new ArrayList<>();
            List<FundPlanInput.Area> areas = new ArrayList<>();
            List<FundPlanInput.Customer> customers = new ArrayList<>();
            for (String line : List.of("PIPES", "VALVES")) {
                BigDecimal lineAmount = share(random, capital);
                lines.add(new FundPlanInput.Line(line, "VOLUME", lineAmount, 60, null));
                for (String area : List.of("EAST", "WEST")) {
                    BigDecimal areaAmount = share(random, lineAmount);
                    areas.add(new FundPlanInput.Area(line, area, areaAmount, 60));
                    customers.add(new FundPlanInput.Customer(
                            area.equals("EAST") ? "C1" : "C2", line, share(random, areaAmount), 30));
                }
            }
            FundPlanInput input = new FundPlanInput(capital, new BigDecimal("0.05"), null, lines, areas, customers);
            try {
                PlanContent content = PlanRules.validate(input, KNOWN);
                accepted++;
                assertWithinParents(content, seed);
            } catch (ProblemException e) {
                assertThat(e.violations())
                        .as("seed %d", seed)
                        .allSatisfy(v -> assertThat(v.message()).contains("node "));
            }
        }
        assertThat(accepted).as("seed %d: some random plans fit", seed).isPositive();
    }

    private static void assertWithinParents(PlanContent content, long seed) {
        BigDecimal lines = content.productLines().stream()
                .map(FundPlan.ProductLinePlan::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).as("seed %d", seed).isLessThanOrEqualTo(content.capital());
        for (FundPlan.ProductLinePlan line : content.productLines()) {
            BigDecimal areas = content.areas().stream()
                    .filter(a -> a.productLine().equals(line.productLine()))
                    .map(FundPlan.AreaPlan::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(areas).as("seed %d", seed).isLessThanOrEqualTo(line.amount());
        }
        for (FundPlan.AreaPlan area : content.areas()) {
            BigDecimal customers = content.customers().stream()
                    .filter(c -> c.productLine().equals(area.productLine())
                            && c.area().equals(area.area()))
                    .map(FundPlan.CustomerPlan::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(customers).as("seed %d", seed).isLessThanOrEqualTo(area.amount());
        }
    }

    private static BigDecimal share(Random random, BigDecimal parent) {
        double share = random.nextInt(10) == 0 ? random.nextDouble() * 1.2 : random.nextDouble() * 0.55;
        return parent.multiply(BigDecimal.valueOf(share)).setScale(2, java.math.RoundingMode.DOWN);
    }

    private static BigDecimal money(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100), 2);
    }
}
