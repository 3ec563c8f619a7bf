package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/** Recorded outcomes through the API and CSV, and the adoption rule of fitted cards. */
@SpringBootTest
@AutoConfigureMockMvc
class ScoreQualityWebIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ScorecardRepository cards;

    @Autowired
    JsonMapper json;

    @Autowired
    Scores scores;

    static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2025, 6, 30);

    String code;

    @BeforeEach
    void a_customer() {
        code = "OUT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Outcome Test %s Ltd", "establishedOn": "2015-03-01", "area": "EAST",
                                 "businessGroup": "VOLUME", "paymentTermDays": 30, "currency": "CNY"}
                                """.formatted(code)))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_recorded_outcome_is_stored_once_and_an_unknown_type_or_missing_date_is_refused_naming_the_field() {
        String body = "{\"type\": \"INSOLVENCY\", \"on\": \"2025-03-31\"}";
        assertThat(postOutcome(body)).hasStatus(HttpStatus.CREATED);
        assertThat(postOutcome(body))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.created")
                .isEqualTo(false);
        assertThat(postOutcome("{\"type\": \"BANKRUPT\", \"on\": \"2025-03-31\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("type");
        assertThat(postOutcome("{\"type\": \"DEFAULT\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("on");
        assertThat(mvc.get()
                        .uri("/api/v1/customers/{code}/outcomes", code)
                        .with(user("auditor").roles("AUDITOR")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void an_outcomes_file_imports_all_or_nothing_naming_the_bad_line_and_twice_changes_nothing() {
        String good = "customerCode,type,on\n" + code + ",DEFAULT,2025-01-31\n" + code + ",WRITE_OFF,2025-06-30\n";
        assertThat(importOutcomes(good + code + ",DEFAULT,31.01.2025\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].line")
                .isEqualTo(4);
        assertThat(importOutcomes(good))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.imported")
                .isEqualTo(2);
        assertThat(importOutcomes(good))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.unchanged")
                .isEqualTo(2);
    }

    @Test
    void a_fitted_card_whose_classes_do_not_rise_from_a_to_e_on_the_test_window_is_not_adopted() {
        Scorecard defaults = ScoreTestCards.defaultCard();
        Scorecard fitted = new Scorecard(
                0,
                "Fitted to own history",
                "VOLUME",
                0,
                false,
                "FITTED",
                defaults.netWorthCapShare(),
                defaults.factors(),
                defaults.classes());
        var table = List.of(
                new FitReport.ClassRow("A", 500, 10, 0.02),
                new FitReport.ClassRow("B", 300, 15, 0.05),
                new FitReport.ClassRow("C", 0, 0, null),
                new FitReport.ClassRow("D", 101, 63, 63 / 101.0),
                new FitReport.ClassRow("E", 20, 12, 0.6));
        var group = new FitReport.Group(
                "VOLUME",
                "HISTORY",
                1,
                null,
                null,
                1000,
                100,
                921,
                100,
                FitReport.Quality.NONE,
                FitReport.Quality.NONE,
                java.util.Map.of(),
                java.util.Map.of(),
                table,
                table,
                java.util.Map.of(),
                java.util.Map.of(),
                false);
        var outcome = FitReport.Outcome.of(ScoreOutcome.DEFAULT, FitReport.Outcome.REQUEST);
        var window = new FitReport.Window(
                java.time.LocalDate.of(2025, 1, 31),
                java.time.LocalDate.of(2025, 4, 30),
                java.time.LocalDate.of(2025, 10, 30));
        long id = cards.insert(
                fitted,
                json.writeValueAsString(new FitScorecards.FittedCardReport(outcome, window, window, group)),
                "test",
                OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC));

        assertThat(mvc.post()
                        .uri("/api/v1/scorecards/{id}/adopt", id)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"looks fine\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("class E: 60.0 % of 20 test observations", "class D's 62.4 % of 101");
        assertThat(cards.header(id).orElseThrow().active()).isFalse();
    }

    @Test
    void a_statement_with_each_figure_missing_in_turn_is_stored_and_scored_with_the_missing_ratios_explained() {
        for (String field : FinancialStatement.FIELDS) {
            StringBuilder body = new StringBuilder("{");
            for (int i = 0; i < FinancialStatement.FIELDS.size(); i++) {
                String f = FinancialStatement.FIELDS.get(i);
                if (f.equals(field)) continue;
                if (body.length() > 1) body.append(',');
                body.append('"').append(f).append("\": ").append(FinancialStatementTests.FULL.get(i));
            }
            body.append('}');
            assertThat(mvc.put()
                            .uri("/api/v1/customers/{code}/financial-statements/2024", code)
                            .with(user("cm").roles("CREDIT_MANAGER"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body.toString()))
                    .as(field)
                    .hasStatus2xxSuccessful()
                    .bodyJson()
                    .extractingPath("$.warnings[0].message")
                    .asString()
                    .contains(field);

            Score score = scores.score(code, AS_OF, Caller.SYSTEM);
            for (ScoreFactor ratio : List.of(
                    ScoreFactor.CURRENT_RATIO,
                    ScoreFactor.DEBT_RATIO,
                    ScoreFactor.NET_MARGIN,
                    ScoreFactor.ALTMAN_Z,
                    ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
                    ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
                    ScoreFactor.EBIT_TO_ASSETS,
                    ScoreFactor.EQUITY_TO_LIABILITIES,
                    ScoreFactor.NET_INCOME_TO_ASSETS,
                    ScoreFactor.SALES_TO_ASSETS,
                    ScoreFactor.LOG_TOTAL_ASSETS,
                    ScoreFactor.NET_INCOME_TO_LIABILITIES)) {
                Score.FactorLine line = line(score, ratio);
                if (FinancialStatementTests.FEEDS.get(field).contains(ratio)) {
                    assertThat(line.missing()).as(field + " " + ratio).isTrue();
                    assertThat(line.note()).as(field + " " + ratio).contains(field);
                } else {
                    assertThat(line.value()).as(field + " " + ratio).isNotNull();
                    assertThat(line.note()).as(field + " " + ratio).isNull();
                }
            }
        }
    }

    @Test
    void altman_z_with_total_liabilities_of_zero_is_missing_and_the_score_says_why() {
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}/financial-statements/2024", code)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"revenue": 1000000, "netIncome": 50000, "ebit": 80000, "currentAssets": 300000,
                                 "currentLiabilities": 0, "totalAssets": 800000, "totalLiabilities": 0,
                                 "retainedEarnings": 120000, "bookEquity": 800000}"""))
                .hasStatus(HttpStatus.CREATED);

        Score score = scores.score(code, AS_OF, Caller.SYSTEM);
        assertThat(line(score, ScoreFactor.ALTMAN_Z).note()).contains("totalLiabilities is 0", "division by zero");
        assertThat(line(score, ScoreFactor.CURRENT_RATIO).note()).contains("currentLiabilities is 0");
        assertThat(line(score, ScoreFactor.DEBT_RATIO).value()).isEqualByComparingTo("0");
    }

    @Test
    void a_statements_file_imports_rows_with_missing_figures_with_warnings_and_refuses_a_contradictory_row_by_line() {
        String header = String.join(",", FinancialStatements.CSV_HEADER);
        String partial = code + ",2023,CNY,900000,40000,,250000,200000,700000,450000,100000,250000";
        assertThat(importStatements(header + "\n" + partial + "\n" + code
                        + ",2022,CNY,900000,40000,70000,250000,200000,700000,-450000,100000,250000\n"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyJson()
                .satisfies(
                        json -> assertThat(json)
                                .extractingPath("$.errors[0].line")
                                .isEqualTo(3),
                        json -> assertThat(json)
                                .extractingPath("$.errors[0].field")
                                .isEqualTo("totalLiabilities"));
        var result = importStatements(header + "\n" + partial + "\n");
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.imported").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.warnings[0].line").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.warnings[0].field").isEqualTo("ALTMAN_Z");
    }

    @Test
    void a_fit_report_writes_undefined_auc_and_ks_as_null_not_nan() {
        String written = json.writeValueAsString(FitReport.Quality.of(Double.NaN, 0.75, Double.NaN, 0.5));
        assertThat(written).doesNotContain("NaN").contains("\"trainAuc\":null", "\"testAuc\":0.75");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult postOutcome(String body) {
        return mvc.post()
                .uri("/api/v1/customers/{code}/outcomes", code)
                .with(user("cm").roles("CREDIT_MANAGER"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult importStatements(String csv) {
        return mvc.post()
                .uri("/api/v1/imports/financial-statements")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .contentType("text/csv")
                .content(csv)
                .exchange();
    }

    @Test
    void altmans_components_are_factors_of_their_own_on_the_thin_file_card_with_no_weight_until_fitted() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < FinancialStatement.FIELDS.size(); i++) {
            if (i > 0) body.append(',');
            body.append('"')
                    .append(FinancialStatement.FIELDS.get(i))
                    .append("\": ")
                    .append(FinancialStatementTests.FULL.get(i));
        }
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}/financial-statements/2024", code)
                        .with(user("cm").roles("CREDIT_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.append('}').toString()))
                .hasStatus2xxSuccessful();

        Score score = scores.score(code, AS_OF, Caller.SYSTEM);

        assertThat(score.segment()).isEqualTo("THIN_FILE");
        // revenue 1,000,000, net income 50,000, EBIT 80,000, current assets 300,000, current liabilities
        // 200,000, total assets 800,000, liabilities 500,000, retained earnings 120,000, equity 300,000.
        assertThat(line(score, ScoreFactor.WORKING_CAPITAL_TO_ASSETS).value()).isEqualByComparingTo("12.5");
        assertThat(line(score, ScoreFactor.RETAINED_EARNINGS_TO_ASSETS).value()).isEqualByComparingTo("15");
        assertThat(line(score, ScoreFactor.EBIT_TO_ASSETS).value()).isEqualByComparingTo("10");
        assertThat(line(score, ScoreFactor.EQUITY_TO_LIABILITIES).value()).isEqualByComparingTo("0.6");
        assertThat(line(score, ScoreFactor.NET_INCOME_TO_ASSETS).value()).isEqualByComparingTo("6.25");
        assertThat(line(score, ScoreFactor.EBIT_TO_ASSETS).band()).isEqualTo("EBIT 8% of assets or more");
        for (ScoreFactor component : List.of(
                ScoreFactor.WORKING_CAPITAL_TO_ASSETS,
                ScoreFactor.RETAINED_EARNINGS_TO_ASSETS,
                ScoreFactor.EBIT_TO_ASSETS,
                ScoreFactor.EQUITY_TO_LIABILITIES,
                ScoreFactor.NET_INCOME_TO_ASSETS)) {
            assertThat(line(score, component).points()).as(component.name()).isEqualByComparingTo("0");
        }
        assertThat(score.factors().stream()
                        .map(Score.FactorLine::points)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(score.score());
    }

    private static Score.FactorLine line(Score score, ScoreFactor factor) {
        return score.factors().stream()
                .filter(f -> f.name().equals(factor.name()))
                .findFirst()
                .orElseThrow();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult importOutcomes(String csv) {
        return mvc.post()
                .uri("/api/v1/imports/customer-outcomes")
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .contentType("text/csv")
                .content(csv)
                .exchange();
    }
}
