package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.web.PageRefusal;
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

@SpringBootTest
@AutoConfigureMockMvc
class RiskWebIntegrationTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scores scores;

    @Autowired
    ScorecardRepository cards;

    String code;

    @BeforeEach
    void a_customer_with_an_overdue_invoice() {
        code = "RISK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Risk Test %s Ltd", "establishedOn": "2015-03-01", "area": "EAST",
                                 "businessGroup": "VOLUME", "paymentTermDays": 30, "currency": "CNY"}
                                """.formatted(code)))
                .hasStatus(HttpStatus.CREATED);
        assertThat(mvc.post()
                        .uri("/api/v1/invoices")
                        .with(admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"invoiceNo": "%s-1", "customerCode": "%s", "issueDate": "2025-04-01",
                                 "dueDate": "2025-05-01", "amount": 12000.00, "currency": "CNY"}
                                """.formatted(code, code)))
                .hasStatus2xxSuccessful();
    }

    @Test
    void the_score_explains_every_factor_and_its_points_add_up() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/customers/{code}/score?asOf={asOf}", code, AS_OF)
                .with(user("auditor").roles("AUDITOR"))
                .exchange();

        assertThat(result).hasStatusOk();
        // 13 factors, and V170's days beyond terms of the last 3 months (weight 0 until a fit weighs it).
        assertThat(result).bodyJson().extractingPath("$.factors.length()").isEqualTo(14);
        assertThat(result).bodyJson().extractingPath("$.factors[3].name").isEqualTo("MAX_DAYS_OVERDUE");
        assertThat(result).bodyJson().extractingPath("$.factors[3].value").isEqualTo(60);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.factors[3].points")
                .isEqualTo(5.5); // 0.22 x grade 25 (31-60 days overdue; 0.30 before V106)
        assertThat(result)
                .bodyJson()
                .extractingPath("$.factors[7].band")
                .asString()
                .contains("neutral");
        assertThat(result).bodyJson().extractingPath("$.reviewOn").isNotNull();
        Score score = scores.score(code, AS_OF, Caller.SYSTEM);
        assertThat(score.factors().stream()
                        .map(Score.FactorLine::points)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(score.score());
    }

    @Test
    void a_financial_statement_is_stored_idempotently_and_feeds_the_ratio_factors() {
        String body = """
                {"revenue": 1000000, "netIncome": 50000, "ebit": 80000, "currentAssets": 300000,
                 "currentLiabilities": 200000, "totalAssets": 800000, "totalLiabilities": 500000,
                 "retainedEarnings": 120000, "bookEquity": 300000}""";
        assertThat(putStatement(body, "CREDIT_MANAGER")).hasStatus(HttpStatus.CREATED);
        assertThat(putStatement(body, "CREDIT_MANAGER"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.changed")
                .isEqualTo(false);
        assertThat(putStatement(body, "AUDITOR")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(putStatement(body.replace("800000", "-1"), "CREDIT_MANAGER"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("totalAssets");

        Score score = scores.score(code, AS_OF, Caller.SYSTEM);
        assertThat(value(score, "CURRENT_RATIO")).isEqualByComparingTo("1.5");
        assertThat(value(score, "DEBT_RATIO")).isEqualByComparingTo("62.5");
        assertThat(value(score, "NET_MARGIN")).isEqualByComparingTo("5");
        // Z'' = 6.56*0.125 + 3.26*0.15 + 6.72*0.1 + 1.05*0.6 = 0.82 + 0.489 + 0.672 + 0.63
        assertThat(value(score, "ALTMAN_Z")).isEqualByComparingTo("2.611");
    }

    @Test
    void a_statements_file_imports_all_or_nothing_naming_the_bad_line() {
        String header = String.join(",", FinancialStatements.CSV_HEADER);
        String good = code + ",2023,CNY,900000,40000,70000,250000,200000,700000,450000,100000,250000";
        assertThat(mvc.post()
                        .uri("/api/v1/imports/financial-statements")
                        .with(admin())
                        .with(csrf())
                        .contentType("text/csv")
                        .content(header + "\n" + good + "\n" + code + ",2022,CNY,x,1,1,1,1,1,1,1,1\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].line")
                .isEqualTo(3);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/financial-statements")
                        .with(admin())
                        .with(csrf())
                        .contentType("text/csv")
                        .content(header + "\n" + good + "\n"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.imported")
                .isEqualTo(1);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/financial-statements")
                        .with(admin())
                        .with(csrf())
                        .contentType("text/csv")
                        .content(header + "\n" + good + "\n"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.unchanged")
                .isEqualTo(1);
    }

    @Test
    void only_credit_staff_start_a_scoring_run() {
        assertThat(mvc.post()
                        .uri("/api/v1/scoring-runs")
                        .with(user("auditor").roles("AUDITOR"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2001-01-01\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/scoring-runs")
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2001-01-01\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.asOf")
                .isEqualTo("2001-01-01");
    }

    @Test
    void markup_in_an_area_code_stays_data_and_no_page_has_an_inline_script() throws Exception {
        String hostile = "<!--<script>";
        jdbc.sql("INSERT INTO area (code, name) VALUES (:a, :a) ON CONFLICT (code) DO NOTHING")
                .param("a", hostile)
                .update();
        jdbc.sql("UPDATE customer SET area_code = :a WHERE code = :code")
                .param("a", hostile)
                .param("code", code)
                .update();
        scores.runFor(AS_OF, java.util.List.of(customerId()), Caller.SYSTEM);

        for (String page : java.util.List.of("/risk", "/customers/" + code + "/risk?asOf=" + AS_OF)) {
            String html =
                    mvc.get().uri(page).with(admin()).exchange().getResponse().getContentAsString();
            assertThat(html).as(page).doesNotContain(hostile).contains("data-chart=");
            String[] scripts = html.split("<script", -1);
            assertThat(java.util.Arrays.copyOfRange(scripts, 1, scripts.length))
                    .as("every script element of %s loads a file", page)
                    .allSatisfy(tag ->
                            assertThat(tag.substring(0, tag.indexOf('>'))).contains("src="));
        }
        assertThat(mvc.get().uri("/risk").with(admin()).exchange().getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self';");
    }

    @Test
    void the_risk_pages_render() {
        scores.runFor(AS_OF, java.util.List.of(customerId()), Caller.SYSTEM);
        assertThat(mvc.get().uri("/risk").with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "Portfolio risk",
                        "chart-heatmap",
                        "echarts.min.js",
                        "Customers and exposure by risk class",
                        "Top 20 risks");
        assertThat(mvc.get()
                        .uri("/customers/{code}/risk?asOf={asOf}", code, AS_OF)
                        .with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("Maximum days overdue now", "chart-aging", "statement-form", "credit-limit-letter.pdf")
                .as("no daily run kept a snapshot of these dates: the page says the aging was computed live")
                .contains("aging-source", "computed live from the ledger", AS_OF.toString());
        assertThat(mvc.get().uri("/risk/alerts").with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("Risk alerts", "alert-type-filter");
        assertThat(mvc.get().uri("/risk/scorecards").with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("Default scorecard", "Fit from our history");
        assertThat(mvc.get().uri("/customers/{code}", code).with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("/customers/" + code + "/risk");
    }

    @Test
    void the_statement_form_saves_a_statement_and_returns_to_the_risk_page() {
        assertThat(mvc.post()
                        .uri("/customers/{code}/risk/financial-statements", code)
                        .with(admin())
                        .with(csrf())
                        .param("year", "2024")
                        .param("revenue", "100")
                        .param("netIncome", "1")
                        .param("ebit", "2")
                        .param("currentAssets", "3")
                        .param("currentLiabilities", "4")
                        .param("totalAssets", "50")
                        .param("totalLiabilities", "20")
                        .param("retainedEarnings", "5")
                        .param("bookEquity", "30"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM financial_statement WHERE customer_id = :id AND year = 2024")
                        .param("id", customerId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_statement_form_refuses_an_unreadable_figure_naming_the_field_and_saves_nothing() {
        MvcTestResult result = mvc.post()
                .uri("/customers/{code}/risk/financial-statements", code)
                .with(admin())
                .with(csrf())
                .param("year", "2022")
                .param("revenue", "12x")
                .param("netIncome", "1")
                .param("ebit", "2")
                .param("currentAssets", "3")
                .param("currentLiabilities", "4")
                .param("totalAssets", "50")
                .param("totalLiabilities", "20")
                .param("retainedEarnings", "5")
                .param("bookEquity", "30")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result.getMvcResult().getFlashMap().get("refusal"))
                .isInstanceOfSatisfying(
                        PageRefusal.class,
                        refusal -> assertThat(refusal.details()).containsExactly("revenue: is not a number: '12x'"));
        assertThat(mvc.post()
                        .uri("/customers/{code}/risk/financial-statements", code)
                        .with(admin())
                        .with(csrf())
                        .param("revenue", "1"))
                .flash()
                .extractingByKey("refusal")
                .isInstanceOfSatisfying(
                        PageRefusal.class,
                        refusal -> assertThat(refusal.message()).isEqualTo("The financial statement was not saved"));
        assertThat(jdbc.sql("SELECT count(*) FROM financial_statement WHERE customer_id = :id")
                        .param("id", customerId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_risk_page_lists_a_stored_statement_with_its_year_ungrouped() {
        assertThat(putStatement("""
                        {"revenue": 1000000, "netIncome": 50000, "ebit": 80000, "currentAssets": 300000,
                         "currentLiabilities": 200000, "totalAssets": 800000, "totalLiabilities": 500000,
                         "retainedEarnings": 120000, "bookEquity": 300000}""", "CREDIT_MANAGER")).hasStatus(HttpStatus.CREATED);

        assertThat(mvc.get()
                        .uri("/customers/{code}/risk?asOf={asOf}", code, AS_OF)
                        .with(admin()))
                .hasStatusOk()
                .bodyText()
                .contains("data-year=\"2024\"", "1,000,000.00", "800,000.00");
    }

    @Test
    void only_a_credit_manager_clears_a_link_from_the_customer_page() {
        assertThat(mvc.post()
                        .uri("/customers/{code}/fragments/links/clear", code)
                        .with(admin())
                        .with(csrf())
                        .param("linkedCustomerCode", "ANY")
                        .param("reason", "because"))
                .hasStatusOk()
                .bodyText()
                .contains("link-refusal", "Only a CREDIT_MANAGER may clear a link");
        assertThat(mvc.post()
                        .uri("/customers/{code}/fragments/links/clear", code)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .param("linkedCustomerCode", code)
                        .param("reason", "because"))
                .hasStatusOk()
                .bodyText()
                .contains("link-refusal", "shares no person, phone, address, bank account or e-mail domain");
    }

    @Test
    void the_credit_limit_letter_of_an_overdue_customer_is_a_pdf_saying_supply_is_suspended() throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/customers/{code}/credit-limit-letter.pdf?asOf={asOf}", code, AS_OF)
                .with(admin())
                .exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Supply on credit suspended: overdue invoices")
                    .contains("Customer no. " + code)
                    .contains("12,000.00 CNY")
                    .doesNotContain("we are pleased to confirm");
        }
    }

    @Test
    void a_credit_manager_adopts_a_stored_card_and_the_adoption_is_audited() {
        Scorecard active = cards.activeCards().get("VALUE_ADDED");
        Scorecard copy = new Scorecard(
                0,
                "Copy for adoption test",
                "VALUE_ADDED",
                0,
                false,
                "FITTED",
                active.netWorthCapShare(),
                active.factors(),
                active.classes());
        // Its fit's test window: the share reaching the outcome rises from A to E.
        String report = """
                {"group": {"fittedClasses": [
                  {"riskClass": "A", "observations": 400, "outcomes": 8, "share": 0.02},
                  {"riskClass": "B", "observations": 300, "outcomes": 15, "share": 0.05},
                  {"riskClass": "C", "observations": 100, "outcomes": 20, "share": 0.2},
                  {"riskClass": "D", "observations": 50, "outcomes": 30, "share": 0.6},
                  {"riskClass": "E", "observations": 0, "outcomes": 0, "share": null}]}}""";
        long id = cards.insert(copy, report, "test", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));

        assertThat(mvc.post()
                        .uri("/api/v1/scorecards/{id}/adopt", id)
                        .with(user("rep").roles("SALES_REP"))
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/scorecards/{id}/adopt", id)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"same bands, test\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(true);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SCORECARD_ADOPTED' AND subject_id = :id")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(cards.activeCards().get("VALUE_ADDED").id()).isEqualTo(id);
    }

    private MvcTestResult putStatement(String body, String role) {
        return mvc.put()
                .uri("/api/v1/customers/{code}/financial-statements/2024", code)
                .with(user(role.toLowerCase()).roles(role))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private long customerId() {
        return jdbc.sql("SELECT id FROM customer WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private static java.math.BigDecimal value(Score score, String factor) {
        return score.factors().stream()
                .filter(f -> f.name().equals(factor))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }
}
