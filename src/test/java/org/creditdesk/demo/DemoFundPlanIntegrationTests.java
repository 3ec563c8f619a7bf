package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.planning.FundPlan;
import org.creditdesk.planning.FundPlans;
import org.creditdesk.planning.Level;
import org.creditdesk.planning.PlanNodeStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's fund plan: approved, margins per product line, some areas overrunning. A far year keeps it off today's credit. */
@SpringBootTest
class DemoFundPlanIntegrationTests {

    @Autowired
    DemoFundPlan demoPlan;

    @Autowired
    FundPlans plans;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void the_demo_plan_is_approved_with_margins_and_some_areas_over_plan() {
        LocalDate asOf = LocalDate.of(2037, 6, 30);
        ProductCatalog.LINES.forEach(
                l -> jdbc.sql("INSERT INTO product_line (code, name) VALUES (:code, :name) ON CONFLICT DO NOTHING")
                        .param("code", l.code())
                        .param("name", l.name())
                        .update());
        for (int i = 0; i < 4; i++) {
            String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            String area = "DP" + suffix;
            String customer = "DPC-" + suffix;
            jdbc.sql("INSERT INTO area (code, name) VALUES (:a, :a)")
                    .param("a", area)
                    .update();
            jdbc.sql("""
                            INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                            VALUES (:c, :c, :a, 'VOLUME', 30, 'CNY')
                            """).param("c", customer).param("a", area).update();
            ledger.issueInvoice(
                    new IssueInvoice(
                            "DPI-" + suffix,
                            customer,
                            null,
                            asOf.minusDays(20),
                            asOf.plusDays(10),
                            new BigDecimal("10000.00"),
                            "CNY",
                            "PUMPS"),
                    Caller.SYSTEM);
        }
        Caller gm = new Caller("gm", Set.of(Role.GENERAL_MANAGER), Set.of());

        demoPlan.approveFor(asOf);

        FundPlan plan = plans.approved(2037, gm).orElseThrow();
        assertThat(plan.productLines())
                .hasSize(6)
                .allSatisfy(l -> assertThat(l.grossMargin()).isNotNull());
        List<PlanNodeStatus> areas = plans.status(2037, asOf, Level.AREA, gm).nodes().stream()
                .filter(n -> n.plannedAmount() != null && n.plannedAmount().signum() > 0)
                .toList();
        assertThat(areas).anyMatch(PlanNodeStatus::overPlan).anyMatch(n -> !n.overPlan());
    }
}
