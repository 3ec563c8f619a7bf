package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.credit.OrderFixtures.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.creditdesk.TestUsers;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The credit check, orders, holds and rates over HTTP, and the blocked-order page. */
@SpringBootTest
@AutoConfigureMockMvc
class CreditApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    CreditPolicies policies;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    OrderFixtures fx;
    CustomerRef customer;

    @BeforeEach
    void customerWithLimit() {
        fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        customer = fx.customer("API", "VOLUME", "CNY");
        fx.limit(customer, "1000.00");
    }

    MvcTestResult post(RequestPostProcessor who, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    String orderJson(String orderNo, String amount) {
        return """
                {"orderNo": "%s", "customerCode": "%s", "orderDate": "%s", "amount": %s, "productLine": "PUMPS"}
                """.formatted(orderNo, customer.code(), calendar.today(), amount);
    }

    @Test
    void a_credit_check_answers_the_decision_with_reasons_and_figures_and_names_bad_fields() {
        MvcTestResult within = post(TestUsers.admin(), "/api/v1/credit-checks", """
                {"customerCode": "%s", "amount": 400.00}
                """.formatted(customer.code()));
        assertThat(within).hasStatusOk().bodyJson().extractingPath("$.decision").isEqualTo("APPROVED");
        assertThat(within).bodyJson().extractingPath("$.available").isEqualTo(1000.0);
        assertThat(within)
                .bodyJson()
                .extractingPath("$.breakdown.openReceivables")
                .isEqualTo(0.0);

        MvcTestResult over = post(TestUsers.admin(), "/api/v1/credit-checks", """
                {"customerCode": "%s", "amount": 1000.01, "currency": "CNY"}
                """.formatted(customer.code()));
        assertThat(over).bodyJson().extractingPath("$.decision").isEqualTo("BLOCKED");
        assertThat(over).bodyJson().extractingPath("$.reasons[0].code").isEqualTo("OVER_LIMIT");
        assertThat(over)
                .bodyJson()
                .extractingPath("$.reasons[0].message")
                .asString()
                .contains("1000.01");

        MvcTestResult bad = post(TestUsers.admin(), "/api/v1/credit-checks", "{\"amount\": -1}");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("customerCode", "amount");
    }

    @Test
    void orders_are_decided_recorded_idempotent_and_queued_when_blocked_within_the_callers_areas() {
        String released = unique("SO");
        MvcTestResult first = post(TestUsers.admin(), "/api/v1/orders", orderJson(released, "600.00"));
        assertThat(first)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");
        assertThat(first).bodyJson().extractingPath("$.exposure").isEqualTo(600.0);
        assertThat(first).bodyJson().extractingPath("$.available").isEqualTo(400.0);
        assertThat(post(TestUsers.admin(), "/api/v1/orders", orderJson(released, "600.00")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");
        assertThat(post(TestUsers.admin(), "/api/v1/orders", orderJson(released, "600.01")))
                .hasStatus(HttpStatus.CONFLICT);

        String blocked = unique("SO");
        MvcTestResult over = post(TestUsers.admin(), "/api/v1/orders", orderJson(blocked, "500.00"));
        assertThat(over)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("BLOCKED");
        assertThat(over).bodyJson().extractingPath("$.reasons[0].code").isEqualTo("OVER_LIMIT");

        assertThat(mvc.get().uri("/api/v1/orders?status=BLOCKED").with(TestUsers.admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].orderNo")
                .asArray()
                .contains(blocked)
                .doesNotContain(released);
        assertThat(mvc.get()
                        .uri("/api/v1/orders?status=BLOCKED")
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, "ELSEWHERE")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].orderNo")
                .asArray()
                .doesNotContain(blocked);
        assertThat(mvc.get().uri("/api/v1/orders/" + blocked).with(TestUsers.admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.reasons[0].code")
                .isEqualTo("OVER_LIMIT");

        assertThat(post(TestUsers.admin(), "/api/v1/orders/" + released + "/cancel", "{}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(mvc.put()
                        .uri("/api/v1/orders/" + blocked)
                        .with(TestUsers.admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 900.00}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");
    }

    @Test
    void under_balanced_a_sales_manager_may_not_release_beyond_the_sales_approval_limit_but_a_credit_manager_may() {
        String big = unique("SO");
        post(TestUsers.admin(), "/api/v1/orders", orderJson(big, "150000.00"));
        MvcTestResult refused = post(
                TestUsers.user(jdbc, Role.SALES_MANAGER, "API"),
                "/api/v1/orders/" + big + "/release",
                "{\"justification\": \"key account\"}");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("BALANCED");

        assertThat(post(TestUsers.user(jdbc, Role.CREDIT_MANAGER), "/api/v1/orders/" + big + "/release", "{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(
                        TestUsers.user(jdbc, Role.CREDIT_MANAGER),
                        "/api/v1/orders/" + big + "/release",
                        "{\"justification\": \"secured by a guarantee in the post\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("RELEASED");
    }

    @Test
    void under_finance_led_sales_may_not_release_and_under_sales_led_a_sales_manager_may() {
        CreditPolicy before = policies.current();
        try {
            policies.change(
                    CreditFixtures.asInput(CreditFixtures.defaultPolicy(PolicyMode.FINANCE_LED), "test"),
                    OrderFixtures.ADMIN);
            String small = unique("SO");
            post(TestUsers.admin(), "/api/v1/orders", orderJson(small, "1500.00"));
            assertThat(post(
                            TestUsers.user(jdbc, Role.SALES_MANAGER, "API"),
                            "/api/v1/orders/" + small + "/release",
                            "{\"justification\": \"please\"}"))
                    .hasStatus(HttpStatus.FORBIDDEN);
            assertThat(post(
                            TestUsers.user(jdbc, Role.FINANCE),
                            "/api/v1/orders/" + small + "/reject",
                            "{\"comment\": \"pay first\"}"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.status")
                    .isEqualTo("REJECTED");

            policies.change(
                    CreditFixtures.asInput(CreditFixtures.defaultPolicy(PolicyMode.SALES_LED), "test"),
                    OrderFixtures.ADMIN);
            String large = unique("SO");
            post(TestUsers.admin(), "/api/v1/orders", orderJson(large, "500000.00"));
            assertThat(post(
                            TestUsers.user(jdbc, Role.SALES_MANAGER, "OTHER-AREA"),
                            "/api/v1/orders/" + large + "/release",
                            "{\"justification\": \"big project\"}"))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post(
                            TestUsers.user(jdbc, Role.SALES_MANAGER, "API"),
                            "/api/v1/orders/" + large + "/release",
                            "{\"justification\": \"big project\"}"))
                    .hasStatusOk();
        } finally {
            policies.change(CreditFixtures.asInput(before, "restore after test"), OrderFixtures.ADMIN);
        }
    }

    @Test
    void holds_are_placed_and_lifted_over_http_and_show_in_the_customer_status() throws Exception {
        MvcTestResult placed = post(
                TestUsers.user(jdbc, Role.CREDIT_SUPERVISOR),
                "/api/v1/customers/" + customer.code() + "/holds",
                "{\"reason\": \"MANUAL\", \"note\": \"quality dispute\"}");
        assertThat(placed).hasStatus(HttpStatus.CREATED);
        assertThat(post(
                        TestUsers.user(jdbc, Role.SALES_REP, "API"),
                        "/api/v1/customers/" + customer.code() + "/holds",
                        "{\"reason\": \"MANUAL\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/holds", "{\"reason\": \"NOPE\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);

        var status = assertThat(
                        mvc.get().uri("/api/v1/customers/" + customer.code()).with(TestUsers.admin()))
                .hasStatusOk()
                .bodyJson();
        status.extractingPath("$.status.creditState").isEqualTo("ON_HOLD");
        status.extractingPath("$.status.holdReasons").asArray().containsExactly("MANUAL");
        status.extractingPath("$.status.creditLimit").isEqualTo(1000.0);
        status.extractingPath("$.status.available").isEqualTo(1000.0);

        Number id = com.jayway.jsonpath.JsonPath.read(placed.getResponse().getContentAsString(), "$.id");
        assertThat(post(
                        TestUsers.admin(),
                        "/api/v1/customers/" + customer.code() + "/holds/" + id + "/lift",
                        "{\"note\": \"resolved\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.liftNote")
                .isEqualTo("resolved");
        assertThat(mvc.get().uri("/api/v1/customers/" + customer.code()).with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$.status.creditState")
                .isEqualTo("ACTIVE");
    }

    @Test
    void exchange_rates_are_kept_by_finance_and_validated() {
        String rates = """
                [{"from": "SEK", "to": "CNY", "rate": 0.68123456, "validOn": "2026-01-01"}]
                """;
        assertThat(mvc.put()
                        .uri("/api/v1/exchange-rates")
                        .with(TestUsers.user(jdbc, Role.FINANCE))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rates))
                .hasStatusOk();
        assertThat(mvc.put()
                        .uri("/api/v1/exchange-rates")
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(rates))
                .hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult bad = mvc.put()
                .uri("/api/v1/exchange-rates")
                .with(TestUsers.admin())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"from\": \"SEK\", \"to\": \"SEK\", \"rate\": 0}]")
                .exchange();
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("[0].to", "[0].rate", "[0].validOn");
        assertThat(mvc.get().uri("/api/v1/exchange-rates").with(TestUsers.admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[?(@.from == 'SEK')].rate")
                .asArray()
                .isNotEmpty();
    }

    @Test
    void the_blocked_order_page_lists_reasons_and_figures_and_shows_a_refused_release_as_a_message() {
        String blocked = unique("SO");
        post(TestUsers.admin(), "/api/v1/orders", orderJson(blocked, "150000.00"));
        RequestPostProcessor salesManager = TestUsers.user(jdbc, Role.SALES_MANAGER, "API");

        assertThat(mvc.get().uri("/credit/blocked-orders").with(salesManager))
                .hasStatusOk()
                .bodyText()
                .contains("blocked-" + blocked)
                .contains("OVER_LIMIT")
                .contains("exposure-bar")
                .contains("/credit/blocked-orders/" + blocked + "/history");
        assertThat(mvc.get()
                        .uri("/credit/blocked-orders/" + blocked + "/history")
                        .with(salesManager))
                .hasStatusOk()
                .bodyText()
                .contains("max-days-overdue");

        MvcTestResult refused = mvc.post()
                .uri("/credit/blocked-orders/" + blocked + "/release")
                .with(salesManager)
                .with(csrf())
                .param("justification", "key account")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND);
        assertThat(refused.getMvcResult().getFlashMap().get("refusal").toString())
                .contains("BALANCED");

        assertThat(mvc.post()
                        .uri("/credit/blocked-orders/" + blocked + "/release")
                        .with(TestUsers.user(jdbc, Role.GENERAL_MANAGER))
                        .with(csrf())
                        .param("justification", "strategic customer"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("done", "credit.blocked.released");

        assertThat(mvc.get()
                        .uri("/customers/" + customer.code() + "/fragments/credit")
                        .with(TestUsers.admin())
                        .header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("exposure-bar")
                .contains("credit-state")
                .contains("hold-form");
    }
}
