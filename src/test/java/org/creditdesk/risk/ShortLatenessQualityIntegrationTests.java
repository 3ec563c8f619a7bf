package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.OwnDatabase;
import org.creditdesk.demo.ShortLatenessBook;
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
 * A book whose lateness is short (never beyond 45 days) through the imports, then a fit to "paid more
 * than the grace days late" out of time: the fitted card against the customer's past late rate alone.
 * Its own PostgreSQL, as the fit reads every customer.
 */
@SpringBootTest
@DirtiesContext
class ShortLatenessQualityIntegrationTests {

    private static final OwnDatabase DATABASE = new OwnDatabase();
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    // -Dquality.seed=N reruns the check on another book.
    private static final long SEED = Long.getLong("quality.seed", 42);
    // -Dquality.customers=100 checks a book of the reviewers' size.
    private static final int CUSTOMERS = Integer.getInteger("quality.customers", 300);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    Imports imports;

    @Autowired
    FitScorecards fits;

    @Test
    void a_card_fitted_to_paid_late_ranks_the_next_invoices_at_least_as_well_as_the_past_late_rate_out_of_time()
            throws IOException {
        Path dir = Files.createTempDirectory("short-lateness-");
        int invoices = ShortLatenessBook.write(CUSTOMERS, 24, SEED, AS_OF, dir);
        for (var kind : List.of(ImportKind.CUSTOMERS, ImportKind.INVOICES, ImportKind.PAYMENTS)) {
            String name = switch (kind) {
                case CUSTOMERS -> ShortLatenessBook.CUSTOMERS;
                case INVOICES -> ShortLatenessBook.INVOICES;
                default -> ShortLatenessBook.PAYMENTS;
            };
            try (InputStream csv = Files.newInputStream(dir.resolve(name))) {
                imports.importCsv(kind, csv, Caller.SYSTEM);
            }
        }

        FitReport report = fits.fit(AS_OF, "PAID_LATE", null, null, Caller.SYSTEM);

        FitReport.Group history = report.groups().stream()
                .filter(g -> g.businessGroup().equals("VOLUME") && g.segment().equals("HISTORY"))
                .findFirst()
                .orElseThrow();
        System.out.printf(
                "Short-lateness book seed %d: %d customers, %d invoices; %s; train %s..%s %d obs (%d outcomes),"
                        + " test %s..%s %d obs (%d outcomes)%n  AUC test: default card %s, fitted %s, past late rate alone %s;"
                        + " single factors %s%n  classes default %s%n  classes fitted %s%n  weights %s%n",
                SEED,
                CUSTOMERS,
                invoices,
                report.outcome().definition(),
                report.train().first(),
                report.train().last(),
                history.trainObservations(),
                history.trainOutcomes(),
                report.test().first(),
                report.test().last(),
                history.testObservations(),
                history.testOutcomes(),
                history.current().testAuc(),
                history.fitted().testAuc(),
                history.singleFactorTestAuc().get("LATE_PAYMENT_SHARE"),
                history.singleFactorTestAuc(),
                history.currentClasses(),
                history.fittedClasses(),
                history.weights());
        assertThat(history.fittedCardId()).as(history.skipped()).isNotNull();
        double pastLateRate = history.singleFactorTestAuc().get("LATE_PAYMENT_SHARE");
        assertThat(history.fitted().testAuc()).isGreaterThanOrEqualTo(pastLateRate - 0.01);
    }
}
