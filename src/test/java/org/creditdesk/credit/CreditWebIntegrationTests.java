package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP layer: JSON in and out, problem+json refusals, pages and the htmx panel. Users are mock
 * principals with roles, so these tests do not depend on how users sign in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CreditWebIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    BusinessCalendar calendar;

    String code;
    LocalDate today;

    @BeforeEach
    void a_customer() {
        code = CreditFixtures.customer(jdbc, "EAST", "VOLUME");
        today = calendar.today();
    }

    @Test
    void an_invalid_policy_is_refused_with_problem_json_naming_the_fields() {
        MvcTestResult result = mvc.put()
                .uri("/api/v1/settings/credit-policy")
                .with(user("gm").roles("GENERAL_MANAGER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"mode": "BALANCED", "salesApprovalLimit": 100000, "graceDays": 90,
                         "escalation": [{"level": 1, "fromDays": 1}, {"level": 2, "fromDays": 1},
                                        {"level": 3, "fromDays": 31}, {"level": 4, "fromDays": 61}]}
                        """)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("graceDays", "escalation[1].fromDays");
    }

    @Test
    void sales_managers_may_read_but_not_change_the_policy() {
        assertThat(mvc.get()
                        .uri("/api/v1/settings/credit-policy")
                        .with(user("sm").roles("SALES_MANAGER")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.graceDays")
                .isEqualTo(7);
        assertThat(mvc.put()
                        .uri("/api/v1/settings/credit-policy")
                        .with(user("sm").roles("SALES_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_limit_request_is_created_then_refused_to_its_requester_and_approved_by_another_user() throws Exception {
        MvcTestResult created = mvc.post()
                .uri("/api/v1/customers/{code}/credit-limit-requests", code)
                .with(user("rep").roles("SALES_REP"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"amount": 20000.50, "currency": "CNY", "validUntil": "%s", "reason": "new shop"}
                        """.formatted(today.plusYears(1)))
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        long id = body.get("id").asLong();

        assertThat(mvc.post()
                        .uri("/api/v1/credit-limit-requests/{id}/approve", id)
                        .with(user("rep").roles("SALES_REP", "CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"self\"}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("Four eyes");

        assertThat(mvc.post()
                        .uri("/api/v1/credit-limit-requests/{id}/approve", id)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"comment\": \"fine\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("APPROVED");

        assertThat(mvc.get()
                        .uri("/api/v1/customers/{code}/credit-limit", code)
                        .with(user("auditor").roles("AUDITOR")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.limit.usable")
                .isEqualTo(20000.50);
    }

    @Test
    void the_event_feed_pages_by_id_and_bounds_its_limit() {
        assertThat(mvc.get()
                        .uri("/api/v1/events?after=0&limit=2")
                        .with(user("erp").roles("FINANCE")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/events?limit=1001").with(user("erp").roles("FINANCE")))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(mvc.get().uri("/api/v1/events").with(user("rep").roles("SALES_REP")))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void auditors_read_the_audit_trail_and_sales_reps_do_not() {
        assertThat(mvc.get()
                        .uri("/api/v1/audit?subjectType=CREDIT_POLICY&limit=5")
                        .with(user("auditor").roles("AUDITOR")))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/audit").with(user("rep").roles("SALES_REP")))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_credit_panel_fragment_renders_for_htmx_with_the_request_form() {
        assertThat(mvc.get()
                        .uri("/customers/{code}/fragments/credit", code)
                        .header("HX-Request", "true")
                        .with(user("cm").roles("CREDIT_MANAGER")))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"credit-panel\"")
                .contains("limit-request-form")
                .contains("No credit limit")
                .doesNotContain("<html");
    }

    @Test
    void requesting_a_limit_from_the_panel_shows_it_as_pending() {
        assertThat(mvc.post()
                        .uri("/customers/{code}/fragments/credit/limit-requests", code)
                        .header("HX-Request", "true")
                        .with(user("rep").roles("SALES_REP"))
                        .with(csrf())
                        .param("amount", "15000")
                        .param("validUntil", today.plusMonths(6).toString())
                        .param("reason", "opening order"))
                .hasStatusOk()
                .bodyText()
                .contains("pending-requests")
                .contains("opening order");
    }

    @Test
    void the_settings_pages_and_the_inbox_render() {
        assertThat(mvc.get().uri("/settings/credit-policy").with(user("admin").roles("ADMIN")))
                .hasStatusOk()
                .bodyText()
                .contains("policy-form")
                .contains("Balanced");
        assertThat(mvc.get().uri("/settings/authority").with(user("admin").roles("ADMIN")))
                .hasStatusOk()
                .bodyText()
                .contains("authority-form")
                .contains("upTo.BALANCED.APPROVE_LIMIT.SALES_MANAGER");
        assertThat(mvc.get().uri("/credit/limit-requests").with(user("cm").roles("CREDIT_MANAGER")))
                .hasStatusOk()
                .bodyText()
                .contains("Credit limit requests");
    }

    @Test
    void an_admin_saves_the_authority_matrix_from_the_page() {
        var form = mvc.post()
                .uri("/settings/authority")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .param("reason", "unchanged save");
        for (var row : AuthorityRows.of(CreditFixtures.defaultMatrix()).rules()) {
            form = form.param("upTo." + row.mode() + "." + row.action() + "." + row.role(), row.upTo());
        }

        assertThat(form).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/settings/authority");
    }
}
