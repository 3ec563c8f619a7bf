package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Role;
import org.creditdesk.imports.ImportResult;
import org.creditdesk.shared.web.PageRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The outcome as a stored, audited company setting, and recorded outcomes entered on the pages. */
@SpringBootTest
@AutoConfigureMockMvc
class OutcomeSettingWebIntegrationTests {

    static final String AREA = "OSW";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerOutcomes outcomes;

    String code;

    @BeforeEach
    void a_customer_in_its_own_area() {
        jdbc.sql("INSERT INTO area (code, name) VALUES (:a, :a) ON CONFLICT (code) DO NOTHING")
                .param("a", AREA)
                .update();
        code = RiskFixtures.unique("OSW");
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(TestUsers.admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Outcome Setting %s Ltd", "establishedOn": "2015-03-01", "area": "%s",
                                 "businessGroup": "VOLUME", "paymentTermDays": 30, "currency": "CNY"}
                                """.formatted(code, AREA)))
                .hasStatus(HttpStatus.CREATED);
    }

    @AfterEach
    void the_default_setting_again() {
        jdbc.sql("""
                        UPDATE score_outcome_setting SET kind = 'REACHES_OVERDUE', days = 60, months = 6,
                               changed_by = NULL, changed_at = NULL
                        """).update();
    }

    @Test
    void the_outcome_setting_is_read_by_anyone_changed_by_credit_managers_with_a_reason_and_audited() {
        assertThat(mvc.get().uri("/api/v1/settings/score-outcome").with(TestUsers.user(jdbc, Role.AUDITOR)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("REACHES_OVERDUE");
        assertThat(putSetting(TestUsers.user(jdbc, Role.SALES_REP), "{\"kind\": \"PAID_LATE\", \"reason\": \"x\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(putSetting(TestUsers.admin(), "{\"kind\": \"PAID_LATE\", \"days\": 5}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(putSetting(TestUsers.admin(), "{\"kind\": \"RECORDED\", \"days\": 5, \"reason\": \"x\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("days");
        assertThat(putSetting(TestUsers.admin(), "{\"kind\": \"LOSS\", \"reason\": \"x\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(jdbc.sql("SELECT kind FROM score_outcome_setting")
                        .query(String.class)
                        .single())
                .isEqualTo("REACHES_OVERDUE");

        var manager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        MvcTestResult saved = putSetting(
                manager, "{\"kind\": \"PAID_LATE\", \"days\": 5, \"reason\": \"our book is rarely very late\"}");

        assertThat(saved).hasStatusOk();
        assertThat(saved).bodyJson().extractingPath("$.days").isEqualTo(5);
        assertThat(saved).bodyJson().extractingPath("$.months").isEqualTo(3);
        assertThat(saved).bodyJson().extractingPath("$.definition").asString().contains("more than 5 days late");
        Map<String, Object> entry = jdbc.sql("""
                        SELECT actor, reason, CAST(before AS text) AS before, CAST(after AS text) AS after
                        FROM audit_log WHERE action = 'SCORE_OUTCOME_CHANGED' ORDER BY id DESC LIMIT 1
                        """).query().singleRow();
        assertThat((String) entry.get("actor")).startsWith("credit_manager-");
        assertThat(entry.get("reason")).isEqualTo("our book is rarely very late");
        assertThat((String) entry.get("before")).contains("REACHES_OVERDUE");
        assertThat((String) entry.get("after")).contains("PAID_LATE");
        assertThat(mvc.get().uri("/risk/scorecards").with(manager))
                .hasStatusOk()
                .bodyText()
                .contains("more than 5 days late", "outcome-setting-form", "outcomes-upload-form");
    }

    @Test
    void the_setting_form_on_the_fit_page_saves_or_shows_the_refusal_naming_the_field() {
        assertThat(mvc.post()
                        .uri("/risk/scorecards/outcome-setting")
                        .with(TestUsers.admin())
                        .with(csrf())
                        .param("kind", "RECORDED")
                        .param("months", "40")
                        .param("reason", "bureau flags"))
                .flash()
                .extractingByKey("refusal")
                .isInstanceOfSatisfying(
                        PageRefusal.class, r -> assertThat(r.details()).containsExactly("months: must be 1 to 36"));
        assertThat(mvc.post()
                        .uri("/risk/scorecards/outcome-setting")
                        .with(TestUsers.admin())
                        .with(csrf())
                        .param("kind", "RECORDED")
                        .param("months", "12")
                        .param("reason", "bureau flags"))
                .flash()
                .containsKey("settingSaved");
        assertThat(jdbc.sql("SELECT kind || '/' || days || '/' || months FROM score_outcome_setting")
                        .query(String.class)
                        .single())
                .isEqualTo("RECORDED/0/12");
    }

    @Test
    void an_outcome_recorded_on_the_customer_page_is_listed_with_its_note_and_outsiders_get_not_found() {
        var supervisor = TestUsers.user(jdbc, Role.CREDIT_SUPERVISOR);
        MvcTestResult refused = mvc.post()
                .uri("/customers/{code}/risk/outcomes", code)
                .with(supervisor)
                .with(csrf())
                .param("type", "DEFAULT")
                .param("on", "31.03.2025")
                .exchange();
        assertThat(refused.getMvcResult().getFlashMap().get("refusal"))
                .isInstanceOfSatisfying(
                        PageRefusal.class,
                        r -> assertThat(r.details()).containsExactly("on: '31.03.2025' is not a date (yyyy-MM-dd)"));
        assertThat(mvc.post()
                        .uri("/customers/{code}/risk/outcomes", code)
                        .with(supervisor)
                        .with(csrf())
                        .param("type", "INSOLVENCY")
                        .param("on", "2025-03-31")
                        .param("note", "court filing 2025/117"))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsKey("outcomeRecorded");

        assertThat(mvc.get().uri("/customers/{code}/risk", code).with(supervisor))
                .hasStatusOk()
                .bodyText()
                .contains("outcome-row", "2025-03-31", "court filing 2025/117", "Insolvency");
        assertThat(mvc.get()
                        .uri("/api/v1/customers/{code}/outcomes", code)
                        .with(TestUsers.user(jdbc, Role.COLLECTOR, AREA)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].note")
                .isEqualTo("court filing 2025/117");
        var outsider = TestUsers.user(jdbc, Role.COLLECTOR, "RL2");
        assertThat(mvc.get().uri("/api/v1/customers/{code}/outcomes", code).with(outsider))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/customers/{code}/risk", code).with(outsider)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/customers/{code}/risk/outcomes", code)
                        .with(TestUsers.user(jdbc, Role.SALES_REP, AREA))
                        .with(csrf())
                        .param("type", "DEFAULT")
                        .param("on", "2025-04-30"))
                .flash()
                .containsKey("refusal");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM customer_outcome o JOIN customer c ON c.id = o.customer_id
                        WHERE c.code = :code""").param("code", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_fit_pages_outcomes_upload_names_each_bad_line_and_imports_nothing_then_the_whole_file() {
        String good = "customerCode,type,on\n" + code + ",DEFAULT,2025-01-31\n";
        String bad = good + code + ",BANKRUPT,2025-02-28\nNO-SUCH-CUSTOMER,DEFAULT,2025-02-28\n";

        MvcTestResult refused = upload(bad);

        assertThat(refused.getMvcResult().getFlashMap().get("refusal"))
                .isInstanceOfSatisfying(
                        PageRefusal.class,
                        r -> assertThat(r.details())
                                .containsExactly(
                                        "Line 3: type: must be one of DEFAULT, INSOLVENCY, LEGAL_CASE, WRITE_OFF",
                                        "Line 4: customerCode: unknown customer NO-SUCH-CUSTOMER"));
        assertThat(outcomes.outcomes(code, org.creditdesk.identity.Caller.SYSTEM))
                .isEmpty();
        assertThat(upload(good).getMvcResult().getFlashMap().get("outcomesImported"))
                .isEqualTo(new ImportResult(1, 0, List.of()));
    }

    private MvcTestResult upload(String csv) {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/risk/scorecards/outcomes-import")
                .file(new MockMultipartFile("file", "outcomes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(TestUsers.admin())
                .with(csrf()));
    }

    private MvcTestResult putSetting(
            org.springframework.test.web.servlet.request.RequestPostProcessor who, String body) {
        return mvc.put()
                .uri("/api/v1/settings/score-outcome")
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
