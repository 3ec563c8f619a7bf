package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditdesk.TestMail;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run of a date on or after the ledger's last settlement change ages the open amounts (index-only over
 * the open invoices) instead of replaying every allocation; both must give the same cells, and a date before a
 * settlement must still replay. A seeded random book of invoices, partial and full payments, credit notes and
 * bounces, dated after every other test's settlements; moved back to 1900 afterwards (as AgingTodayIntegrationTests
 * does) so that later tests' "after the last settlement" dates stay so.
 */
@SpringBootTest
class DailyRunAgingSourceIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DailyRunRepository runs;

    @Autowired
    PlatformTransactionManager transactions;

    MonitoringFixtures fixtures;
    final List<String> customers = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    @AfterEach
    void moveSettlementsBack() {
        fixtures.moveSettlementsBack(customers);
    }

    @Test
    void aging_from_the_open_amounts_equals_the_aging_replayed_from_the_allocations_on_and_after_the_last_settlement() {
        long seed = Long.getLong("aging.seed", System.nanoTime());
        System.out.println("DailyRunAgingSourceIntegrationTests seed: " + seed);
        Random random = new Random(seed);
        LocalDate lastElsewhere = lastSettlementChange();
        // Later than every other test's dates, so that no other test's book as of its date sees these invoices.
        LocalDate today = lastElsewhere != null && lastElsewhere.isAfter(LocalDate.of(2399, 12, 31))
                ? lastElsewhere.plusDays(1)
                : LocalDate.of(2400, 1, 1);
        String area = fixtures.area();
        List<String> invoices = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String customer = fixtures.customer(area, "Source " + c, null, c % 2 == 0 ? "VOLUME" : "VALUE_ADDED");
            customers.add(customer);
            for (int n = 0; n < 6; n++) {
                LocalDate issued = today.minusDays(random.nextInt(200));
                LocalDate due = issued.plusDays(random.nextInt(90));
                String currency = n > 0 && random.nextInt(4) == 0 ? "USD" : "CNY";
                invoices.add(fixtures.invoice(
                        customer, issued, due, amount(random, 50, 5_000).toPlainString(), currency, null));
            }
        }
        // At least one settlement of this book, the newest of the database: the first invoice partly paid.
        Invoice first = invoice(invoices.getFirst());
        fixtures.pay(first.customer(), first.issued(), "1.00", invoices.getFirst());
        LocalDate lastSettlement = first.issued();
        for (int step = 0; step < 40; step++) {
            String invoiceNo = invoices.get(random.nextInt(invoices.size()));
            Invoice invoice = invoice(invoiceNo);
            if (invoice.open().signum() == 0 || !"CNY".equals(invoice.currency())) continue;
            LocalDate on = invoice.issued().plusDays(random.nextInt(30));
            if (on.isAfter(today)) on = today;
            if (on.isAfter(lastSettlement)) lastSettlement = on;
            BigDecimal part = random.nextBoolean() ? invoice.open() : share(random, invoice.open());
            switch (random.nextInt(3)) {
                case 0 -> fixtures.pay(invoice.customer(), on, part.toPlainString(), invoiceNo);
                case 1 ->
                    ledger.issueCreditNote(
                            new IssueCreditNote(
                                    MonitoringFixtures.unique("CN"),
                                    invoice.customer(),
                                    invoiceNo,
                                    on,
                                    part,
                                    "price correction",
                                    "CNY"),
                            Caller.SYSTEM);
                default -> fixtures.reverse(fixtures.pay(invoice.customer(), on, part.toPlainString(), invoiceNo), on);
            }
        }

        for (LocalDate asOf : List.of(lastSettlement, today, today.plusDays(45))) {
            assertThat(cells(asOf, DailyRunRepository.AgingSource.OPEN_AMOUNTS))
                    .as("aging as of %s from the open amounts (seed %s)", asOf, seed)
                    .isNotEmpty()
                    .isEqualTo(cells(asOf, DailyRunRepository.AgingSource.ALLOCATIONS));
            assertThat(chosen(asOf)).isEqualTo(DailyRunRepository.AgingSource.OPEN_AMOUNTS);
        }
        assertThat(chosen(lastSettlement.minusDays(1)))
                .as("a date before a settlement replays the allocations")
                .isEqualTo(DailyRunRepository.AgingSource.ALLOCATIONS);
    }

    private record Invoice(String customer, String currency, LocalDate issued, BigDecimal open) {}

    private Invoice invoice(String invoiceNo) {
        return jdbc.sql("""
                        SELECT c.code, i.currency, i.issue_date, i.open_amount
                        FROM collections_invoice i JOIN customer c ON c.id = i.customer_id WHERE i.invoice_no = :invoiceNo
                        """)
                .param("invoiceNo", invoiceNo)
                .query((rs, n) -> new Invoice(
                        rs.getString(1), rs.getString(2).trim(), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4)))
                .single();
    }

    private @org.jspecify.annotations.Nullable LocalDate lastSettlementChange() {
        return jdbc.sql(AgingRepository.LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    /** This test's customers' cells of the run's aging table, filled from the source, in a fixed order. */
    private List<String> cells(LocalDate asOf, DailyRunRepository.AgingSource source) {
        return new TransactionTemplate(transactions).execute(status -> {
            runs.fillAging(asOf, source);
            return jdbc.sql("""
                            SELECT c.code || ' ' || a.currency || ' ' || a.bucket || ' ' || a.invoices || ' '
                                   || a.open_amount || ' ' || coalesce(a.oldest_overdue_due_date::text, '-') || ' '
                                   || coalesce(a.overdue_amount::text, '-')
                            FROM pg_temp.daily_aging a JOIN customer c ON c.id = a.customer_id
                            WHERE c.code = ANY(CAST(:codes AS text[]))
                            ORDER BY 1
                            """)
                    .param("codes", customers.toArray(String[]::new))
                    .query(String.class)
                    .list();
        });
    }

    private DailyRunRepository.AgingSource chosen(LocalDate asOf) {
        return new TransactionTemplate(transactions).execute(status -> runs.fillAging(asOf));
    }

    private static BigDecimal amount(Random random, int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(to - from) + random.nextInt(100) / 100.0)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(Random random, BigDecimal open) {
        BigDecimal part = open.multiply(BigDecimal.valueOf(10 + random.nextInt(80)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return part.signum() == 0 ? open : part;
    }
}
