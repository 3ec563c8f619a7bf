package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
import org.springframework.transaction.support.TransactionTemplate;

/** The appraisal API: rating authority and validation, grades and measures from the table, close, export. */
@SpringBootTest
@AutoConfigureMockMvc
class AppraisalApiIntegrationTests {

    static final String ALL_FIVES = """
            {"responsibility": 5, "execution": 5, "communication": 5, "experience": 5, "note": "=cmd|' /C calc'!A0"}""";
    static final String ALL_ONES = """
            {"responsibility": 1, "execution": 1, "communication": 1, "experience": 1, "note": "weak"}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Appraisals appraisals;

    AppraisalFixtures fixtures;
    String area;
    String rep;
    String customer;
    String invoice;

    @BeforeEach
    void book() {
        fixtures = new AppraisalFixtures(jdbc, ledger, transactions);
        area = fixtures.area();
        rep = fixtures.rep(area);
        customer = fixtures.customer(area, rep);
        invoice = fixtures.invoice(
                customer, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 4), new BigDecimal("1000.00"));
        fixtures.pay(customer, LocalDate.of(2024, 3, 1), new BigDecimal("400.00"), invoice);
    }

    MvcTestResult rate(String period, String body, RequestPostProcessor user) {
        return mvc.put()
                .uri("/api/v1/appraisals/{period}/ratings/{rep}", period, rep)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(user)
                .with(csrf())
                .exchange();
    }

    MvcTestResult close(String period, RequestPostProcessor user) {
        return mvc.post()
                .uri("/api/v1/appraisals/{period}/close", period)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"quarter end\"}")
                .with(user)
                .with(csrf())
                .exchange();
    }

    @Test
    void rating_a_list_at_once_stores_and_audits_each_rating_as_rating_one_by_one_does() {
        String other = fixtures.rep(area);
        Caller manager = new Caller("list-rater", Set.of(Role.CREDIT_MANAGER), Set.of());
        appraisals.rateAll(
                "2024-Q1",
                java.util.Map.of(
                        rep, new RatingInput(5, 4, 4, 3, "steady"),
                        other, new RatingInput(2, 1, 2, 2, null)),
                manager);

        var reps = appraisals.sheet("2024-Q1", null, Caller.SYSTEM).reps();
        assertThat(reps.stream()
                        .filter(r -> r.kpis().salesRep().equals(rep))
                        .findFirst()
                        .orElseThrow()
                        .rating())
                .isNotNull()
                .satisfies(r -> assertThat(r.responsibility()).isEqualTo(5));
        assertThat(reps.stream()
                        .filter(r -> r.kpis().salesRep().equals(other))
                        .findFirst()
                        .orElseThrow()
                        .rating())
                .isNotNull()
                .satisfies(r -> assertThat(r.communication()).isEqualTo(2));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'APPRAISAL_RATED' AND actor = 'list-rater'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void ratings_outside_one_to_five_are_refused_naming_each_field() {
        assertThat(rate("2024-Q1", """
                        {"responsibility": 0, "execution": 6, "communication": 3}""", TestUsers.user(jdbc, Role.CREDIT_MANAGER)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("responsibility", "execution", "experience");
        assertThat(appraisals.sheet("2024-Q1", null, Caller.SYSTEM).reps().stream()
                        .filter(r -> r.kpis().salesRep().equals(rep))
                        .findFirst()
                        .orElseThrow()
                        .rating())
                .as("nothing written")
                .isNull();
    }

    @Test
    void only_a_credit_manager_or_a_sales_manager_of_the_reps_area_may_rate() {
        assertThat(rate("2024-Q1", ALL_FIVES, TestUsers.user(jdbc, Role.SALES_MANAGER, fixtures.area())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(rate("2024-Q1", ALL_FIVES, TestUsers.user(jdbc, Role.SALES_REP, area)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(rate("2024-Q1", ALL_FIVES, TestUsers.user(jdbc, Role.GENERAL_MANAGER)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(rate("2024-Q1", ALL_FIVES, TestUsers.user(jdbc, Role.SALES_MANAGER, area)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.grade")
                .isEqualTo("STAR");
        assertThat(rate("2024-Q1", ALL_ONES, TestUsers.user(jdbc, Role.CREDIT_MANAGER)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.grade")
                .isEqualTo("SUPERVISE");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_log WHERE action = 'APPRAISAL_RATED' AND subject_id = :id""")
                        .param("id", "2024-Q1/" + rep)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_rep_sees_only_himself_and_a_sales_manager_only_his_areas() {
        String other = fixtures.rep(fixtures.area());
        jdbc.sql("INSERT INTO sales_rep_login (username, sales_rep) VALUES (:u, :rep)")
                .param("u", "login-" + rep)
                .param("rep", rep)
                .update();
        var self = TestUsers.signedIn(new Caller("login-" + rep, Set.of(Role.SALES_REP), Set.of(area)));
        assertThat(mvc.get()
                        .uri("/api/v1/appraisals/kpis?period=2024-Q1")
                        .with(self)
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].salesRep")
                .asArray()
                .containsExactly(rep);
        assertThat(mvc.get()
                        .uri("/api/v1/appraisals/kpis?period=2024-Q1")
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].salesRep")
                .asArray()
                .contains(rep)
                .doesNotContain(other);
        assertThat(mvc.get()
                        .uri("/api/v1/appraisals/kpis?period=2024-Q1")
                        .with(TestUsers.user(jdbc, Role.COLLECTOR, area))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/appraisals/kpis?period=2024-Q5")
                        .with(TestUsers.user(jdbc, Role.CREDIT_MANAGER))
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_closed_period_refuses_changes_and_exports_the_same_after_later_ledger_changes() throws Exception {
        var manager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(rate("2024-Q2", ALL_FIVES, manager)).hasStatusOk();
        assertThat(close("2024-Q2", TestUsers.user(jdbc, Role.SALES_MANAGER, area)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(close("2024-Q2", manager))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CLOSED");
        assertThat(close("2024-Q2", manager)).hasStatus(HttpStatus.CONFLICT);
        assertThat(rate("2024-Q2", ALL_ONES, manager)).hasStatus(HttpStatus.CONFLICT);
        assertThat(close("2999-Q1", manager)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);

        String csv = export("2024-Q2", "csv", manager).getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> xlsx = xlsxRow(export("2024-Q2", "xlsx", manager));
        assertThat(csv)
                .contains("\"" + rep + "\"")
                .contains("\"'=cmd|' /C calc'!A0\"")
                .contains("\"STAR\"");
        BigDecimal overdueBefore = appraisals
                .kpis("2024-Q2", null, rep, null, Caller.SYSTEM)
                .getFirst()
                .overdueAmount();

        // Later, the ledger learns of a back-dated payment and a back-dated invoice in the closed quarter.
        fixtures.pay(customer, LocalDate.of(2024, 5, 2), new BigDecimal("600.00"), invoice);
        fixtures.invoice(customer, LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 30), new BigDecimal("77.00"));

        assertThat(appraisals
                        .kpis("2024-Q2", null, rep, null, Caller.SYSTEM)
                        .getFirst()
                        .overdueAmount())
                .as("the live KPIs moved")
                .isNotEqualByComparingTo(overdueBefore);
        assertThat(export("2024-Q2", "csv", manager).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(csv);
        assertThat(xlsxRow(export("2024-Q2", "xlsx", manager))).isEqualTo(xlsx).contains("'=cmd|' /C calc'!A0");
    }

    @Test
    void a_correction_is_a_new_audited_revision() {
        var manager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(rate("2024-Q3", ALL_FIVES, manager)).hasStatusOk();
        assertThat(close("2024-Q3", manager)).hasStatusOk();
        MvcTestResult corrected = mvc.post()
                .uri("/api/v1/appraisals/2024-Q3/corrections")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"salesRep": "%s", "responsibility": 1, "execution": 1, "communication": 1, "experience": 1,
                         "reason": "rated the wrong rep"}""".formatted(rep))
                .with(manager)
                .with(csrf())
                .exchange();
        assertThat(corrected)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.revision")
                .isEqualTo(2);
        RepAppraisal now = appraisals.sheet("2024-Q3", null, Caller.SYSTEM).reps().stream()
                .filter(r -> r.kpis().salesRep().equals(rep))
                .findFirst()
                .orElseThrow();
        assertThat(now.assessment().grade()).isEqualTo(Grade.SUPERVISE);
        assertThat(jdbc.sql("SELECT count(*) FROM appraisal_close WHERE period = '2024-Q3'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT reason FROM audit_log WHERE action = 'APPRAISAL_CORRECTED' AND subject_id = :id")
                        .param("id", "2024-Q3/" + rep)
                        .query(String.class)
                        .single())
                .isEqualTo("rated the wrong rep");
    }

    @Test
    void consecutive_supervise_grades_escalate_to_warning_and_review() {
        var manager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(rate("2024-04", ALL_ONES, manager)).hasStatusOk();
        assertThat(close("2024-04", manager)).hasStatusOk();
        assertThat(rate("2024-05", ALL_ONES, manager))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.actions[*].action")
                .asArray()
                .containsExactly("FORMAL_WARNING");
        assertThat(close("2024-05", manager)).hasStatusOk();
        MvcTestResult third = rate("2024-06", ALL_ONES, manager);
        assertThat(third).bodyJson().extractingPath("$.streak").isEqualTo(3);
        assertThat(third)
                .bodyJson()
                .extractingPath("$.actions[*].action")
                .asArray()
                .containsExactly("PENALTY", "DISMISSAL_REVIEW");
    }

    @Test
    void every_grades_measures_come_from_the_settings_table() {
        Caller manager = new Caller("cm", Set.of(Role.CREDIT_MANAGER), Set.of());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM appraisal_measure WHERE grade = 'STAR'").update();
            jdbc.sql("""
                    INSERT INTO appraisal_measure (grade, occurrence, position, action, amount, share)
                    VALUES ('STAR', 1, 1, 'TEST_TRIP_TO_HANGZHOU', 3500.00, NULL)""").update();
            RatingResult result = appraisals.rate("2024-Q4", rep, new RatingInput(5, 5, 5, 5, null), manager);
            assertThat(result.grade()).isEqualTo(Grade.STAR);
            assertThat(result.actions())
                    .extracting(Measure::action, Measure::amount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("TEST_TRIP_TO_HANGZHOU", new BigDecimal("3500.00")));
            status.setRollbackOnly();
        });
        assertThat(appraisals.measures())
                .extracting(Measure::action)
                .contains("BONUS")
                .doesNotContain("TEST_TRIP_TO_HANGZHOU");
    }

    @Test
    void commission_on_collections_is_paid_only_when_the_company_enables_it() {
        Caller gm = new Caller("gm", Set.of(Role.GENERAL_MANAGER), Set.of());
        assertThat(mine(appraisals.sheet("2024-Q1", null, gm)).commission()).isNull();
        transactions.executeWithoutResult(status -> {
            AppraisalSettings s = appraisals.settings();
            appraisals.saveSettings(
                    new AppraisalSettings(
                            s.weightOnTime(),
                            s.weightOverdue(),
                            s.weightDso(),
                            s.weightWriteOff(),
                            s.weightIncidents(),
                            s.dsoTargetDays(),
                            s.dsoWorstDays(),
                            s.writeOffWorstShare(),
                            s.incidentPenalty(),
                            s.kpiAbilityWeight(),
                            s.attitudeGoodFrom(),
                            s.abilityGoodFrom(),
                            true,
                            new BigDecimal("0.0250")),
                    "pay on collections",
                    gm);
            // 400.00 collected in the quarter at 2.5 %.
            assertThat(mine(appraisals.sheet("2024-Q1", null, gm)).commission()).isEqualByComparingTo("10.00");
            status.setRollbackOnly();
        });
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_field_and_only_managers_change_them() {
        MvcTestResult refused = mvc.put()
                .uri("/api/v1/appraisals/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"kpiAbilityWeight": 1.5, "dsoTargetDays": 200, "weightDso": -1}""")
                .with(TestUsers.user(jdbc, Role.GENERAL_MANAGER))
                .with(csrf())
                .exchange();
        assertThat(refused)
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("weightDso", "dsoWorstDays", "kpiAbilityWeight");
        assertThat(mvc.put()
                        .uri("/api/v1/appraisals/settings")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"commissionEnabled\": true}")
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                        .with(csrf())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(appraisals.settings().commissionEnabled()).isFalse();
        assertThat(appraisals.settings().kpiAbilityWeight()).isEqualByComparingTo("0.50");
    }

    @Test
    void a_rep_page_outside_the_callers_reach_is_not_found() {
        String other = fixtures.rep(fixtures.area());
        assertThat(mvc.get()
                        .uri("/appraisals/reps/{rep}?period=2024-Q1", other)
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/appraisals/reps/{rep}?period=2024-Q1", rep)
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                        .exchange())
                .hasStatusOk();
    }

    private RepAppraisal mine(AppraisalSheet sheet) {
        return sheet.reps().stream()
                .filter(r -> r.kpis().salesRep().equals(rep))
                .findFirst()
                .orElseThrow();
    }

    private MvcTestResult export(String period, String format, RequestPostProcessor user) {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/appraisals/{period}?format={format}", period, format)
                .with(user)
                .exchange();
        assertThat(result).hasStatusOk();
        return result;
    }

    private List<String> xlsxRow(MvcTestResult result) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(
                new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Row row = workbook.getFirstSheet().read().stream()
                    .filter(r -> rep.equals(r.getCellText(2)))
                    .findFirst()
                    .orElseThrow();
            return row.stream().map(c -> c == null ? "" : c.getText()).toList();
        }
    }
}
