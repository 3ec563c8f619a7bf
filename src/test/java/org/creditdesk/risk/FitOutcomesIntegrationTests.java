package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.OwnDatabase;
import org.creditdesk.demo.GeneratedPortfolio;
import org.creditdesk.demo.PortfolioGenerator;
import org.creditdesk.demo.PortfolioSpec;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fitting to each outcome kind on a small generated history. The fit reads every customer from the
 * first invoice in the database, so this class has a PostgreSQL of its own holding only its portfolio.
 */
@SpringBootTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FitOutcomesIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final OwnDatabase DATABASE = new OwnDatabase();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    Imports imports;

    @Autowired
    FitScorecards fits;

    @Autowired
    CustomerOutcomes outcomes;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScoreOutcomeSettings settings;

    @Autowired
    JsonMapper json;

    @BeforeAll
    void load() throws IOException {
        Path dir = Files.createTempDirectory("fit-outcomes-");
        GeneratedPortfolio files =
                new PortfolioGenerator().writeCsv(new PortfolioSpec(150, 20, 20_251_206, AS_OF), dir);
        for (var kind : List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS, ImportKind.INVOICES, ImportKind.PAYMENTS)) {
            String name = switch (kind) {
                case CUSTOMERS -> GeneratedPortfolio.CUSTOMERS;
                case ORDERS -> GeneratedPortfolio.ORDERS;
                case INVOICES -> GeneratedPortfolio.INVOICES;
                case PAYMENTS -> GeneratedPortfolio.PAYMENTS;
                default -> throw new IllegalStateException(kind.name());
            };
            try (InputStream csv = Files.newInputStream(files.file(name))) {
                imports.importCsv(kind, csv, Caller.SYSTEM);
            }
        }
        // A company's own default list: each customer whose invoice first went 45 days unpaid, on that day.
        List<String> lines =
                jdbc.sql("""
                        SELECT c.code || ',DEFAULT,' || min(i.due_date + 45)
                        FROM invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE i.amount > coalesce((SELECT sum(a.amount) FROM allocation a
                                                   WHERE a.invoice_id = i.id AND a.allocated_on <= i.due_date + 45), 0)
                          AND i.due_date + 45 <= CAST(:asOf AS date)
                        GROUP BY c.code""").param("asOf", AS_OF).query(String.class).list();
        String csv = "customerCode,type,on\n" + String.join("\n", lines) + "\n";
        outcomes.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Caller.SYSTEM);
    }

    @Test
    void fitting_to_each_outcome_kind_reports_its_definition_windows_and_class_table_without_nan() {
        for (var request : List.of(
                new Object[] {"PAID_LATE", null, null, "paid more than 7 days late"},
                new Object[] {"REACHES_OVERDUE", 30, 3, "reaches 30 days overdue within 3 months"},
                new Object[] {"RECORDED", null, 3, "recorded outcome"})) {
            FitReport report =
                    fits.fit(AS_OF, (String) request[0], (Integer) request[1], (Integer) request[2], Caller.SYSTEM);

            String kind = (String) request[0];
            assertThat(report.outcome().kind()).isEqualTo(kind);
            assertThat(report.outcome().definition()).as(kind).contains((String) request[3]);
            assertThat(report.test().first()).as(kind).isAfter(report.train().last());
            assertThat(report.test().outcomesUntil()).as(kind).isBeforeOrEqualTo(AS_OF);
            FitReport.Group volume = report.groups().stream()
                    .filter(g ->
                            g.businessGroup().equals("VOLUME") && g.segment().equals("HISTORY"))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.trainOutcomes()).as(kind).isPositive();
            assertThat(volume.testOutcomes()).as(kind).isPositive();
            assertThat(volume.currentClasses())
                    .as(kind)
                    .extracting(FitReport.ClassRow::riskClass)
                    .containsExactly("A", "B", "C", "D", "E");
            assertThat(volume.currentClasses().stream()
                            .mapToInt(FitReport.ClassRow::observations)
                            .sum())
                    .as(kind)
                    .isEqualTo(volume.testObservations());
            assertThat(volume.current().testAuc()).as(kind).isBetween(0.0, 1.0);
            assertThat(json.writeValueAsString(report)).as(kind).doesNotContain("NaN");
            if (volume.fittedCardId() != null) {
                String stored = jdbc.sql("SELECT CAST(fit_report AS text) FROM scorecard WHERE id = :id")
                        .param("id", volume.fittedCardId())
                        .query(String.class)
                        .single();
                assertThat(stored).as(kind).contains("\"kind\": \"" + kind + "\"", "fittedClasses");
            }
        }
    }

    @Test
    void a_fit_naming_no_outcome_uses_the_company_setting_and_its_report_says_so() {
        Caller manager =
                new Caller("cm", java.util.Set.of(org.creditdesk.identity.Role.CREDIT_MANAGER), java.util.Set.of());
        settings.save(new ScoreOutcomeSettings.Input("paid_late", 10, 2, "our book is rarely very late"), manager);
        try {
            FitReport report = fits.fit(AS_OF, null, null, null, Caller.SYSTEM);

            assertThat(report.outcome())
                    .isEqualTo(new FitReport.Outcome(
                            "PAID_LATE",
                            10,
                            2,
                            new ScoreOutcome.PaidLate(10, 2).definition(),
                            FitReport.Outcome.SETTING));
            assertThat(fits.fit(AS_OF, "PAID_LATE", 10, 2, Caller.SYSTEM)
                            .outcome()
                            .source())
                    .isEqualTo(FitReport.Outcome.REQUEST);
        } finally {
            settings.save(new ScoreOutcomeSettings.Input("REACHES_OVERDUE", 60, 6, "back to the default"), manager);
        }
    }
}
