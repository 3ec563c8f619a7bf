package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.OwnDatabase;
import org.creditdesk.demo.ThinFileBook;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thin-file companies (no invoices, yearly statements, recorded defaults) through the imports, then a
 * fit to the recorded defaults out of time: the fitted thin-file card is compared with Altman's Z''
 * alone and with the generator's latent truth (the oracle: each company's true default probability)
 * on the test window. Its own PostgreSQL, as the fit reads every customer.
 */
@SpringBootTest
@DirtiesContext
class ThinFileQualityIntegrationTests {

    // -Dquality.seed=N reruns the check on another book.
    private static final long SEED = Long.getLong("quality.seed", 42);
    private static final OwnDatabase DATABASE = new OwnDatabase();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    Imports imports;

    @Autowired
    FinancialStatements statements;

    @Autowired
    CustomerOutcomes outcomes;

    @Autowired
    FitScorecards fits;

    @Test
    void
            a_thin_file_card_fitted_to_recorded_defaults_ranks_companies_better_than_altman_z_and_below_the_oracle_out_of_time()
                    throws IOException {
        Path dir = Files.createTempDirectory("thin-file-");
        int defaulted = ThinFileBook.write(2_000, SEED, 2021, 2024, dir);
        try (InputStream csv = Files.newInputStream(dir.resolve(ThinFileBook.CUSTOMERS))) {
            imports.importCsv(ImportKind.CUSTOMERS, csv, Caller.SYSTEM);
        }
        FinancialStatements.StatementImport imported;
        try (InputStream csv = Files.newInputStream(dir.resolve(ThinFileBook.STATEMENTS))) {
            imported = statements.importCsv(csv, Caller.SYSTEM);
        }
        try (InputStream csv = Files.newInputStream(dir.resolve(ThinFileBook.OUTCOMES))) {
            outcomes.importCsv(csv, Caller.SYSTEM);
        }
        assertThat(imported.warnings())
                .as("partial statements are imported with warnings")
                .isNotEmpty();

        FitReport report = fits.fit(LocalDate.of(2025, 12, 31), "RECORDED", null, 12, Caller.SYSTEM);

        FitReport.Group thin = report.groups().stream()
                .filter(g -> g.businessGroup().equals("VOLUME") && g.segment().equals("THIN_FILE"))
                .findFirst()
                .orElseThrow();
        double oracle = oracleAuc(ThinFileBook.generate(2_000, SEED, 2021, 2024), report.test(), thin);
        System.out.printf(
                "Thin-file book seed %d: %d companies, %d defaulted, %d statement warnings; train %s..%s %d obs (%d outcomes),"
                        + " test %s..%s %d obs (%d outcomes)%n  AUC test: oracle %.4f, default thin card %s, fitted %s, Altman Z'' alone %s;"
                        + " single factors %s%n  classes default %s%n  classes fitted %s%n  weights %s%n",
                SEED,
                2_000,
                defaulted,
                imported.warnings().size(),
                report.train().first(),
                report.train().last(),
                thin.trainObservations(),
                thin.trainOutcomes(),
                report.test().first(),
                report.test().last(),
                thin.testObservations(),
                thin.testOutcomes(),
                oracle,
                thin.current().testAuc(),
                thin.fitted().testAuc(),
                thin.singleFactorTestAuc().get("ALTMAN_Z"),
                thin.singleFactorTestAuc(),
                thin.currentClasses(),
                thin.fittedClasses(),
                thin.weights());
        assertThat(thin.fittedCardId()).as(thin.skipped()).isNotNull();
        double altman = thin.singleFactorTestAuc().get("ALTMAN_Z");
        assertThat(oracle)
                .as("the statements carry real signal: the latent truth ranks well")
                .isGreaterThan(0.88);
        assertThat(thin.fitted().testAuc())
                .as("the fitted card: above the issue's 0.85 and Altman's Z'', below the oracle")
                .isGreaterThan(0.85)
                .isGreaterThan(altman + 0.03)
                .isLessThan(oracle);
        assertThat(thin.current().testAuc()).as("the seeded thin-file card").isGreaterThan(0.7);
        assertThat(thin.currentClasses().getLast().share())
                .as("class E holds the distressed: " + thin.currentClasses())
                .isGreaterThan(thin.currentClasses().getFirst().share());
        assertThat(FitScorecards.classOrderProblems(thin.fittedClasses())).isEmpty();
    }

    /**
     * The AUC of the generator's true default probability on the fit's test window: the same VOLUME
     * companies observed at the same month-ends (not defaulted by the date), the same outcome (a
     * default within 12 months). Checks it saw as many observations and outcomes as the fit.
     */
    static double oracleAuc(List<ThinFileBook.Company> book, FitReport.Window test, FitReport.Group group) {
        List<Double> scores = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (LocalDate date = test.first();
                !date.isAfter(test.last());
                date = date.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())) {
            for (ThinFileBook.Company c : book) {
                LocalDate failed = c.defaultedOn();
                if (!c.group().equals(group.businessGroup()) || (failed != null && !failed.isAfter(date))) continue;
                scores.add(-c.trueDefaultProbability(date, 12));
                bad.add(failed != null && !failed.isAfter(date.plusMonths(12)) ? 1 : 0);
            }
        }
        assertThat(scores).as("the oracle's observations are the fit's").hasSize(group.testObservations());
        assertThat(bad.stream().mapToInt(Integer::intValue).sum()).isEqualTo(group.testOutcomes());
        return FitMetrics.auc(
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                bad.stream().mapToInt(Integer::intValue).toArray());
    }
}
