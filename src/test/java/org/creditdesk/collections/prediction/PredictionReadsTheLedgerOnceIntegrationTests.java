package org.creditdesk.collections.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.OwnDatabase;
import org.creditdesk.demo.GeneratedPortfolio;
import org.creditdesk.demo.PortfolioGenerator;
import org.creditdesk.demo.PortfolioSpec;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.creditdesk.ledger.BounceCheque;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The prediction run reads today's ledger off the invoices (their open amounts and newest allocation dates)
 * when nothing was allocated or reversed after the date, and re-derives it from the allocations otherwise.
 * On a seeded generated portfolio (partial payments, credit notes, bounced cheques) both reads give the same
 * history and open invoices, and the predictions of every open invoice, by the baseline and by a fitted
 * model, are identical whichever read made them. Its own PostgreSQL: the reads cover every customer.
 */
@SpringBootTest
@DirtiesContext
class PredictionReadsTheLedgerOnceIntegrationTests {

    private static final OwnDatabase DATABASE = new OwnDatabase();
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    private static final PredictionRepository.Customers EVERY_CUSTOMER =
            new PredictionRepository.Customers(Long.MIN_VALUE, Long.MAX_VALUE);
    // -Dprediction.seed=N reruns the check on another portfolio.
    private static final long SEED = Long.getLong("prediction.seed", 42);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    Imports imports;

    @Autowired
    Ledger ledger;

    @Autowired
    PaymentPredictions predictions;

    @Autowired
    PredictionRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record Predicted(long invoiceId, LocalDate payDate, String lateProbability, Long modelId) {}

    @Test
    void predictions_read_off_the_invoices_are_identical_to_those_derived_from_the_allocations() throws IOException {
        System.out.printf("Prediction reads: portfolio seed %d%n", SEED);
        load(new PortfolioSpec(150, 24, SEED, AS_OF));
        assertThat(repository.ledgerSettledBy(AS_OF))
                .as("nothing allocated or reversed after the date")
                .isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM allocation WHERE reversed_on IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .as("bounced cheques reversed allocations")
                .isPositive();

        Map<Long, List<PaidInvoice>> paidNow =
                transactions.execute(t -> repository.recentPaid(AS_OF, true, EVERY_CUSTOMER));
        Map<Long, List<PaidInvoice>> paidThen =
                transactions.execute(t -> repository.recentPaid(AS_OF, false, EVERY_CUSTOMER));
        assertThat(paidNow).isNotEmpty().isEqualTo(paidThen);
        List<PredictionRepository.Open> openNow = transactions.execute(t -> open(true));
        assertThat(openNow).isNotEmpty().isEqualTo(transactions.execute(t -> open(false)));

        predictions.predict(AS_OF, Caller.SYSTEM);
        List<Predicted> baselineNow = stored();
        predictSevenCustomerIdsAtOnce();
        assertThat(stored()).isEqualTo(baselineNow);
        PaymentFitReport fit = predictions.fit(AS_OF, Caller.SYSTEM);
        predictions.adopt(fit.modelId(), "identical predictions test", Caller.SYSTEM);
        predictions.predict(AS_OF, Caller.SYSTEM);
        List<Predicted> modelNow = stored();
        assertThat(modelNow).extracting(Predicted::modelId).containsOnly(fit.modelId());

        // A payment received after the date: the invoices' own state is no longer the state as of the date.
        payAfterTheDate();
        assertThat(repository.ledgerSettledBy(AS_OF)).isFalse();
        predictions.predict(AS_OF, Caller.SYSTEM);
        assertThat(stored()).hasSize(openNow.size()).isEqualTo(modelNow);
        jdbc.sql("UPDATE payment_model SET status = 'RETIRED' WHERE status = 'ADOPTED'")
                .update();
        predictSevenCustomerIdsAtOnce();
        assertThat(stored()).isEqualTo(baselineNow);
    }

    /** Customers a few ids at a time, as 100,000 at a time at 1,000,000 customers. */
    private void predictSevenCustomerIdsAtOnce() {
        predictions.customersAtOnce(7);
        try {
            predictions.predict(AS_OF, Caller.SYSTEM);
        } finally {
            predictions.customersAtOnce(PaymentPredictions.CUSTOMERS_AT_ONCE);
        }
    }

    private List<PredictionRepository.Open> open(boolean settled) {
        List<PredictionRepository.Open> open = new ArrayList<>();
        repository.eachOpen(AS_OF, settled, EVERY_CUSTOMER, open::add);
        open.sort(Comparator.comparingLong(PredictionRepository.Open::invoiceId));
        return open;
    }

    private List<Predicted> stored() {
        return jdbc.sql("""
                        SELECT invoice_id, predicted_pay_date, CAST(late_probability AS text) AS p, model_id
                        FROM invoice_prediction WHERE as_of = :asOf ORDER BY invoice_id
                        """)
                .param("asOf", AS_OF)
                .query((rs, n) -> new Predicted(
                        rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getObject(4, Long.class)))
                .list();
    }

    private void load(PortfolioSpec spec) throws IOException {
        Path dir = Files.createTempDirectory("prediction-reads-");
        GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, dir);
        importFile(ImportKind.CUSTOMERS, files.file(GeneratedPortfolio.CUSTOMERS));
        importFile(ImportKind.ORDERS, files.file(GeneratedPortfolio.ORDERS));
        importFile(ImportKind.INVOICES, files.file(GeneratedPortfolio.INVOICES));
        importFile(ImportKind.PAYMENTS, files.file(GeneratedPortfolio.PAYMENTS));
        // paymentNo,customerCode,chequeNo,invoiceNo,amount,receivedOn,bouncedOn,reason; one row per invoice
        List<String> cheques = Files.readAllLines(files.file(GeneratedPortfolio.BOUNCED_CHEQUES));
        Set<String> bounced = new HashSet<>();
        for (String line : cheques.subList(1, cheques.size())) {
            String[] row = line.split(",");
            if (bounced.add(row[0])) {
                ledger.bounce(row[0], new BounceCheque(LocalDate.parse(row[6]), row[7]), Caller.SYSTEM);
            }
        }
        importFile(ImportKind.PAYMENTS, files.file(GeneratedPortfolio.REPLACEMENT_PAYMENTS));
    }

    private void payAfterTheDate() {
        var invoice = jdbc.sql("""
                        SELECT i.invoice_no, c.code, i.open_amount, i.currency FROM collections_open_invoice i
                        JOIN customer c ON c.id = i.customer_id
                        WHERE i.issue_date <= :asOf ORDER BY i.id LIMIT 1
                        """)
                .param("asOf", AS_OF)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
        String csv = "paymentNo,customerCode,receivedOn,amount,currency,method,invoiceNo\n"
                + "LATE-1,%s,%s,%s,%s,BANK_TRANSFER,%s\n"
                        .formatted(invoice.get(1), AS_OF.plusDays(5), invoice.get(2), invoice.get(3), invoice.get(0));
        importStream(ImportKind.PAYMENTS, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private void importFile(ImportKind kind, Path file) throws IOException {
        try (InputStream csv = Files.newInputStream(file)) {
            importStream(kind, csv);
        }
    }

    private void importStream(ImportKind kind, InputStream csv) {
        assertThat(imports.importCsv(kind, csv, Caller.SYSTEM).rejected())
                .as("%s import", kind)
                .isEmpty();
    }
}
