package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.Imports;
import org.creditdesk.ledger.BounceCheque;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The paid invoices' sums kept between scoring runs (V154) give the factor values that reading every invoice gives,
 * on every date the sums are moved or rebuilt to, after full and partial payments, bounced cheques that reopen paid
 * invoices, and paid invoices in a second currency.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedInvoiceSumsIntegrationTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScoreRepository repository;

    @Autowired
    ClosedInvoiceSumsRepository closedSums;

    @Autowired
    Ledger ledger;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    ScoreTestPortfolio.Loaded portfolio;
    int numbers;

    @BeforeAll
    void load() {
        portfolio = ScoreTestPortfolio.load(imports, jdbc, 40, 15, 8_808, AS_OF);
    }

    @Test
    void kept_sums_give_the_factor_values_of_every_invoice_on_each_date_after_payments_and_reversals() {
        long seed = Long.getLong("score.closed.seed", System.nanoTime());
        System.out.println("ClosedInvoiceSumsIntegrationTests seed: " + seed);
        Random random = new Random(seed);
        LocalDate date = AS_OF.minusDays(random.nextInt(40));
        for (int step = 0; step < 12; step++) {
            String what = switch (random.nextInt(5)) {
                case 0 -> payInFull(random, date);
                case 1 -> payInPart(random, date);
                case 2 -> bounceACheque(date);
                case 3 -> paidInvoiceInUsd(random, date);
                default -> "nothing";
            };
            closedSums.keep(date);
            assertSameFactorValues(date, "step %d as of %s after %s (seed %d)".formatted(step, date, what, seed));
            // Mostly a few days on or back, as the daily run and reruns go; sometimes far enough to rebuild.
            date = random.nextInt(6) == 0
                    ? date.plusDays(random.nextInt(-90, 90))
                    : date.plusDays(random.nextInt(-3, ClosedInvoiceSumsRepository.MOVE_AT_MOST_DAYS + 1));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM score_closed WHERE customer_id = ANY(CAST(:ids AS bigint[]))")
                        .param("ids", ids())
                        .query(Long.class)
                        .single())
                .as("the portfolio's paid invoices are kept")
                .isPositive();
    }

    @Test
    void the_portfolio_read_aggregates_sorted_streams_the_factor_values_of_every_invoice_and_restores_the_planner() {
        long seed = Long.getLong("score.closed.seed", System.nanoTime());
        System.out.println("ClosedInvoiceSumsIntegrationTests portfolio read seed: " + seed);
        Random random = new Random(seed);
        // A date the ledger holds for (nothing allocated or reversed after it), as the daily run's: the run reads the
        // kept sums then; payments below are dated on or before it.
        LocalDate date = jdbc.sql("SELECT ledger_last_settlement_change()")
                .query(LocalDate.class)
                .optional()
                .orElse(AS_OF)
                .plusDays(random.nextInt(3));
        for (int step = 0; step < 4; step++) {
            String what = step % 2 == 0 ? payInFull(random, date) : payInPart(random, date);
            LocalDate on = date;
            // As the run reads them: in one transaction, through a cursor, the sums kept first.
            List<ScoreRepository.FactorValues> streamed = transactions.execute(status -> {
                List<ScoreRepository.FactorValues> mine = new java.util.ArrayList<>();
                java.util.Set<Long> ids = new java.util.HashSet<>(portfolio.customerIds());
                repository.portfolioFactorValues(on, v -> {
                    if (ids.contains(v.customerId())) mine.add(v);
                });
                assertThat(jdbc.sql("SHOW enable_hashagg").query(String.class).single())
                        .as("the run's later statements keep the planner's choice")
                        .isEqualTo("on");
                return mine;
            });
            assertThat(jdbc.sql("SELECT as_of FROM score_closed_state")
                            .query(LocalDate.class)
                            .single())
                    .as("the run kept the sums for the date")
                    .isEqualTo(on);
            assertThat(streamed)
                    .as("step %d as of %s after %s (seed %d)", step, on, what, seed)
                    .isEqualTo(
                            repository.factorValues(on, portfolio.customerIds(), ScoreRepository.InvoiceState.LEDGER));
            date = date.plusDays(random.nextInt(0, 3));
        }
    }

    @Test
    void a_payment_written_after_the_sums_were_kept_is_read_live_until_the_next_run_moves_them() {
        Random random = new Random(14);
        closedSums.keep(AS_OF);
        String paid = payInFull(random, AS_OF);

        assertThat(touchedCount()).as("closing an invoice logs its customer").isPositive();
        assertSameFactorValues(AS_OF, "right after " + paid);
        closedSums.keep(AS_OF.plusDays(1));
        assertThat(touchedCount()).as("moving the sums empties the log").isZero();
        assertSameFactorValues(AS_OF.plusDays(1), "after moving the sums");
    }

    @Test
    void a_partial_payment_of_an_open_invoice_logs_nothing() {
        closedSums.keep(AS_OF);
        String paid = payInPart(new Random(3), AS_OF);

        assertThat(touchedCount()).as(paid).isZero();
        assertSameFactorValues(AS_OF, paid);
    }

    @Test
    void consecutive_days_move_the_sums_from_the_day_before_and_keep_the_factor_values_of_every_invoice() {
        long seed = Long.getLong("score.closed.seed", System.nanoTime());
        System.out.println("ClosedInvoiceSumsIntegrationTests consecutive days seed: " + seed);
        Random random = new Random(seed);
        LocalDate date = AS_OF.minusDays(20);
        closedSums.keep(date);
        for (int day = 1; day <= 6; day++) {
            date = date.plusDays(1);
            String what = switch (day % 3) {
                case 0 -> bounceACheque(date);
                case 1 -> payInFull(random, date) + " and " + payInFull(random, date);
                default -> paidInvoiceInUsd(random, date);
            };
            assertThat(closedSums.keep(date))
                    .as("day %d (%s) after %s (seed %d)", day, date, what, seed)
                    .isEqualTo(ClosedInvoiceSumsRepository.Kept.MOVED);
            assertThat(jdbc.sql("SELECT as_of FROM score_closed_state")
                            .query(LocalDate.class)
                            .single())
                    .isEqualTo(date);
            assertSameFactorValues(date, "day %d (%s) after %s (seed %d)".formatted(day, date, what, seed));
        }
    }

    @Test
    void a_bounced_cheque_that_reopens_a_paid_invoice_is_taken_out_of_the_kept_sums_on_the_next_day() {
        LocalDate date = AS_OF.minusDays(5);
        String cheque = paidByCheque(date.minusDays(3));
        closedSums.keep(date);
        assertSameFactorValues(date, "kept with the invoice paid by " + cheque);

        ledger.bounce(cheque, new BounceCheque(date.plusDays(1), "insufficient funds"), Caller.SYSTEM);
        assertThat(touchedCount())
                .as("reopening a paid invoice logs its customer")
                .isPositive();
        assertSameFactorValues(date, "the kept date, right after bouncing " + cheque);
        assertThat(closedSums.keep(date.plusDays(1))).isEqualTo(ClosedInvoiceSumsRepository.Kept.MOVED);
        assertSameFactorValues(date.plusDays(1), "the next day after bouncing " + cheque);
    }

    @Test
    void a_day_that_touches_many_customers_rebuilds_the_sums_with_the_same_factor_values() {
        LocalDate date = AS_OF.minusDays(2);
        closedSums.keep(date);
        Random random = new Random(5);
        StringBuilder paid = new StringBuilder();
        for (int k = 0; k < 8; k++) paid.append(payInFull(random, date)).append("; ");
        paid.append(bounceACheque(date));

        // The test database holds other tests' customers too: a share near 0 makes this day's log "most customers".
        assertThat(closedSums.keep(date.plusDays(1), 1e-9))
                .as(paid.toString())
                .isEqualTo(ClosedInvoiceSumsRepository.Kept.REBUILT);
        assertThat(touchedCount()).as("a rebuild empties the log").isZero();
        assertSameFactorValues(date.plusDays(1), "rebuilt after " + paid);
        assertThat(closedSums.keep(date.plusDays(2))).isEqualTo(ClosedInvoiceSumsRepository.Kept.MOVED);
        assertSameFactorValues(date.plusDays(2), "moved a day after the rebuild");
    }

    private void assertSameFactorValues(LocalDate date, String description) {
        List<ScoreRepository.FactorValues> everyInvoice =
                repository.factorValues(date, portfolio.customerIds(), ScoreRepository.InvoiceState.LEDGER);
        assertThat(repository.factorValues(date, portfolio.customerIds(), ScoreRepository.InvoiceState.STORED))
                .as(description)
                .isEqualTo(everyInvoice);
        assertThat(everyInvoice)
                .as(description)
                .anySatisfy(v -> assertThat(v.values().get(ScoreFactor.DAYS_BEYOND_TERMS))
                        .isNotNull());
    }

    /** An open invoice of the portfolio paid in full on a day near the date (before or after its due date). */
    private String payInFull(Random random, LocalDate date) {
        Map<String, Object> open = anOpenInvoice(random);
        BigDecimal amount = (BigDecimal) open.get("open_amount");
        pay(open, date.minusDays(random.nextInt(30)), amount);
        return "paying " + open.get("invoice_no") + " in full";
    }

    private String payInPart(Random random, LocalDate date) {
        Map<String, Object> open = anOpenInvoice(random);
        BigDecimal amount =
                ((BigDecimal) open.get("open_amount")).divide(BigDecimal.TWO, 2, java.math.RoundingMode.DOWN);
        if (amount.signum() == 0) return "nothing (" + open.get("invoice_no") + " too small to split)";
        pay(open, date.minusDays(random.nextInt(10)), amount);
        return "paying half of " + open.get("invoice_no");
    }

    /**
     * A cheque that settled invoices bounces: its allocations are reversed and the invoices reopen. A customer's
     * first bounce only (a third bounce of one customer fails on recovery_item's key, not this test's subject).
     */
    private String bounceACheque(LocalDate date) {
        List<String> cheques =
                jdbc.sql("""
                        SELECT p.payment_no FROM payment p
                        WHERE p.customer_id = ANY(CAST(:ids AS bigint[])) AND p.status = 'RECEIVED' AND p.method = 'CHEQUE'
                          AND EXISTS (SELECT 1 FROM allocation a JOIN paid_item i ON i.id = a.invoice_id
                                      WHERE a.payment_id = p.id AND a.reversed_on IS NULL)
                          AND NOT EXISTS (SELECT 1 FROM payment b WHERE b.customer_id = p.customer_id AND b.status = 'BOUNCED')
                        ORDER BY p.id LIMIT 1""").param("ids", ids()).query(String.class).list();
        if (cheques.isEmpty()) return "nothing (no cheque left to bounce)";
        ledger.bounce(cheques.getFirst(), new BounceCheque(date, "insufficient funds"), Caller.SYSTEM);
        return "bouncing " + cheques.getFirst();
    }

    /** An invoice in a second currency, issued months before the date and paid late. */
    private String paidInvoiceInUsd(Random random, LocalDate date) {
        String customer = jdbc.sql("SELECT code FROM customer WHERE id = :id")
                .param(
                        "id",
                        portfolio
                                .customerIds()
                                .get(random.nextInt(portfolio.customerIds().size())))
                .query(String.class)
                .single();
        String invoiceNo = portfolio.prefix() + "USD" + (++numbers);
        LocalDate issued = date.minusDays(30 + random.nextInt(300));
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(5_000), 2).add(BigDecimal.TEN);
        ledger.issueInvoice(
                new IssueInvoice(invoiceNo, customer, null, issued, issued.plusDays(30), amount, "USD", null),
                Caller.SYSTEM);
        ledger.receivePayment(
                new ReceivePayment(
                        portfolio.prefix() + "USDPAY" + numbers,
                        customer,
                        issued.plusDays(20 + random.nextInt(40)),
                        amount,
                        "USD",
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, amount))),
                Caller.SYSTEM);
        return "a USD invoice " + invoiceNo + " issued " + issued + " and paid";
    }

    /** A new invoice, due before the date, paid in full by a cheque of a customer that has no bounced payment. */
    private String paidByCheque(LocalDate date) {
        String customer = jdbc.sql("""
                        SELECT c.code FROM customer c
                        WHERE c.id = ANY(CAST(:ids AS bigint[]))
                          AND NOT EXISTS (SELECT 1 FROM payment b WHERE b.customer_id = c.id AND b.status = 'BOUNCED')
                        ORDER BY c.id LIMIT 1""").param("ids", ids()).query(String.class).single();
        String currency = jdbc.sql("SELECT currency FROM customer WHERE code = :code")
                .param("code", customer)
                .query(String.class)
                .single()
                .trim();
        String invoiceNo = portfolio.prefix() + "CHQ" + (++numbers);
        BigDecimal amount = new BigDecimal("1234.56");
        ledger.issueInvoice(
                new IssueInvoice(
                        invoiceNo, customer, null, date.minusDays(60), date.minusDays(30), amount, currency, null),
                Caller.SYSTEM);
        String paymentNo = portfolio.prefix() + "CHQPAY" + numbers;
        ledger.receivePayment(
                new ReceivePayment(
                        paymentNo,
                        customer,
                        date,
                        amount,
                        currency,
                        "CHEQUE",
                        "C" + numbers,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, amount))),
                Caller.SYSTEM);
        return paymentNo;
    }

    private Map<String, Object> anOpenInvoice(Random random) {
        List<Map<String, Object>> open =
                jdbc.sql("""
                        SELECT i.invoice_no, c.code, i.open_amount, i.currency FROM collections_open_invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE i.customer_id = ANY(CAST(:ids AS bigint[]))
                        ORDER BY i.id""").param("ids", ids()).query().listOfRows();
        return open.get(random.nextInt(open.size()));
    }

    private void pay(Map<String, Object> invoice, LocalDate on, BigDecimal amount) {
        ledger.receivePayment(
                new ReceivePayment(
                        portfolio.prefix() + "PAY" + (++numbers),
                        (String) invoice.get("code"),
                        on,
                        amount,
                        ((String) invoice.get("currency")).trim(),
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation((String) invoice.get("invoice_no"), amount))),
                Caller.SYSTEM);
    }

    private long touchedCount() {
        return jdbc.sql("SELECT count(*) FROM score_closed_touched")
                .query(Long.class)
                .single();
    }

    private Long[] ids() {
        return portfolio.customerIds().toArray(Long[]::new);
    }
}
