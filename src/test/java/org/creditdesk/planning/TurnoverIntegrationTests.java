package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Volume customers' monitoring: a customer's count-back days against the approved plan's target days
 * (issue 12). Plans are per year; this class plans 2038 alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TurnoverIntegrationTests {

    static final int YEAR = 2038;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    /**
     * The hand example of CountBackTests (76.0 days on 30 June) against an area target of 60 days:
     * slower than target once the plan is approved; a draft sets no target.
     */
    @Test
    void volume_customer_slower_than_its_areas_target_days_shows_over_target_once_the_plan_is_approved() {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc, ledger);
        String line = fixtures.productLine();
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        fixtures.handExample(customer, line, YEAR);
        String plan = PlanningFixtures.plan(
                line, "2000000", 90, "15", List.<String[]>of(new String[] {area, "1500000", "60"}), "");
        assertThat(mvc.put()
                        .uri("/api/v1/fund-plans/{year}", YEAR)
                        .with(TestUsers.user(jdbc, Role.FINANCE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(plan))
                .hasStatusOk();
        String uri = "/api/v1/customers/" + customer + "/turnover?asOf=" + YEAR + "-06-30";

        assertThat(mvc.get().uri(uri).with(TestUsers.user(jdbc, Role.CREDIT_MANAGER)))
                .as("a draft plan sets no targets")
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(mvc.post()
                        .uri("/api/v1/fund-plans/{year}/approve", YEAR)
                        .with(TestUsers.user(jdbc, Role.GENERAL_MANAGER))
                        .with(csrf()))
                .hasStatusOk();
        var turnover = assertThat(mvc.get().uri(uri).with(TestUsers.user(jdbc, Role.CREDIT_MANAGER)))
                .hasStatusOk()
                .bodyJson();
        turnover.extractingPath("$.lines[0].productLine").isEqualTo(line);
        turnover.extractingPath("$.lines[0].businessGroup").isEqualTo("VOLUME");
        turnover.extractingPath("$.lines[0].actualDays").asNumber().isEqualTo(76.0);
        turnover.extractingPath("$.lines[0].targetDays").isEqualTo(60);
        turnover.extractingPath("$.lines[0].receivables").asNumber().isEqualTo(1000000.00);
        turnover.extractingPath("$.lines[0].overTarget").isEqualTo(true);
        turnover.extractingPath("$.volumeOverTarget").isEqualTo(true);

        assertThat(mvc.get()
                        .uri("/customers/{code}/fragments/turnover?asOf={asOf}", customer, YEAR + "-06-30")
                        .with(TestUsers.user(jdbc, Role.COLLECTOR, area)))
                .hasStatusOk()
                .bodyText()
                .contains("76.0")
                .contains("Slower than target");

        assertThat(mvc.get().uri(uri).with(TestUsers.user(jdbc, Role.SALES_REP, fixtures.area())))
                .as("a rep of another area does not see the customer")
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
