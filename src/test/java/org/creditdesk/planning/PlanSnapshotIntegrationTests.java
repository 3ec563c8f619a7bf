package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Plan against actual and the DSO trend drawn from the actuals stored after the daily run (V83) equal the
 * live computation, at every level and for an area-scoped caller. Plans 2039 alone; the stored actuals are
 * removed afterwards so that no other test reads them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanSnapshotIntegrationTests {

    static final int YEAR = 2039;
    static final LocalDate AS_OF = LocalDate.of(YEAR, 6, 30);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    FundPlans plans;

    @AfterEach
    void forget_the_stored_actuals() {
        jdbc.sql("DELETE FROM plan_snapshot_node").update();
        jdbc.sql("DELETE FROM plan_snapshot").update();
    }

    @Test
    void stored_actuals_give_the_same_status_and_trend_as_the_live_computation() {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc, ledger);
        String line = fixtures.productLine();
        String east = fixtures.area();
        String west = fixtures.area();
        fixtures.handExample(fixtures.customer(east), line, YEAR);
        String other = fixtures.customer(west);
        fixtures.invoice(other, line, LocalDate.of(YEAR - 1, 11, 20), "80000.00");
        fixtures.invoice(other, line, LocalDate.of(YEAR, 3, 3), "120000.00");
        String small = fixtures.customer(west);
        fixtures.invoice(small, line, LocalDate.of(YEAR, 5, 3), "1000.00");
        String plan = PlanningFixtures.plan(
                line,
                "2000000",
                90,
                "15",
                List.<String[]>of(new String[] {east, "900000", "60"}, new String[] {west, "300000", "45"}),
                "");
        assertThat(mvc.put()
                        .uri("/api/v1/fund-plans/{year}", YEAR)
                        .with(TestUsers.user(jdbc, Role.FINANCE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(plan))
                .hasStatusOk();
        Caller westManager = new Caller("sm-" + west, Set.of(Role.SALES_MANAGER), Set.of(west));
        List<Caller> callers = List.of(Caller.SYSTEM, westManager);

        List<List<PlanNodeStatus>> live = new java.util.ArrayList<>();
        List<DsoTrend> liveTrends = new java.util.ArrayList<>();
        for (Caller caller : callers) {
            for (Level level : Level.values()) {
                PlanStatusReport report = plans.status(YEAR, AS_OF, level, caller);
                assertThat(report.computedAt()).isNull();
                live.add(report.nodes());
            }
            for (Level level : List.of(Level.PRODUCT_LINE, Level.AREA)) {
                liveTrends.add(plans.dsoTrend(AS_OF, level, 24, caller));
            }
        }

        assertThat(westCustomers(line, west, 1))
                .as("live: the largest of the area")
                .containsExactly(other);
        plans.storeActuals(AS_OF);
        assertThat(westCustomers(line, west, 1))
                .as("stored: the largest of the area")
                .containsExactly(other);
        assertThat(westCustomers(line, west, 25)).containsExactlyInAnyOrder(other, small);

        int i = 0;
        int t = 0;
        for (Caller caller : callers) {
            for (Level level : Level.values()) {
                PlanStatusReport report = plans.status(YEAR, AS_OF, level, caller);
                assertThat(report.computedAt()).as("stored actuals").isNotNull();
                assertThat(report.nodes())
                        .as(level + " for " + caller.username())
                        .isEqualTo(live.get(i++));
            }
            for (Level level : List.of(Level.PRODUCT_LINE, Level.AREA)) {
                DsoTrend trend = plans.dsoTrend(AS_OF, level, 24, caller);
                assertThat(trend.computedAt()).isNotNull();
                DsoTrend expected = liveTrends.get(t++);
                assertThat(trend.dates()).isEqualTo(expected.dates());
                assertThat(trend.series()).isEqualTo(expected.series());
            }
        }
        PlanNodeStatus eastNode = plans.status(YEAR, AS_OF, Level.AREA, Caller.SYSTEM).nodes().stream()
                .filter(n -> east.equals(n.area()))
                .findFirst()
                .orElseThrow();
        assertThat(eastNode.actualDays()).as("the hand example").isEqualByComparingTo("76.0");
    }

    @Test
    void planners_store_the_actuals_on_demand_others_may_not_and_never_for_a_future_date() {
        String uri = "/api/v1/fund-plans/actuals";
        PlanningFixtures fixtures = new PlanningFixtures(jdbc, ledger);
        fixtures.invoice(
                fixtures.customer(fixtures.area()), fixtures.productLine(), LocalDate.of(2019, 4, 30), "500.00");
        var stored = assertThat(mvc.post()
                        .uri(uri)
                        .with(TestUsers.user(jdbc, Role.FINANCE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2019-06-30\"}"))
                .hasStatusOk()
                .bodyJson();
        stored.extractingPath("$.asOf").isEqualTo("2019-06-30");
        stored.extractingPath("$.nodes.customer").asNumber().isNotEqualTo(0);
        assertThat(mvc.post()
                        .uri(uri)
                        .with(TestUsers.user(jdbc, Role.COLLECTOR))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(uri)
                        .with(TestUsers.user(jdbc, Role.FINANCE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"" + LocalDate.now().plusYears(1) + "\"}"))
                .hasStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private List<String> westCustomers(String line, String west, int perNode) {
        return plans.status(YEAR, AS_OF, Level.CUSTOMER, Caller.SYSTEM, perNode).nodes().stream()
                .filter(n -> line.equals(n.productLine()) && west.equals(n.area()))
                .map(PlanNodeStatus::customerCode)
                .toList();
    }
}
