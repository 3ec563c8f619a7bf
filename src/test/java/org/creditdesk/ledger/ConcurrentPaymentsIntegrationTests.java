package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.ledger.LedgerFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payments racing for one customer's invoices, through the facade as jobs and imports call it. */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentPaymentsIntegrationTests {

    private static final int THREADS = 8;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    LedgerFixtures fixtures;
    String customer;

    @BeforeEach
    void newCustomer() {
        fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customer("EAST", "CNY");
    }

    @Test
    void concurrent_payments_against_one_customer_never_over_allocate() throws Exception {
        for (int i = 0; i < 5; i++) {
            ledger.issueInvoice(
                    new IssueInvoice(
                            unique("INV"),
                            customer,
                            null,
                            LocalDate.parse("2025-01-01").plusDays(i),
                            LocalDate.parse("2025-02-01").plusDays(i),
                            new BigDecimal("100.00"),
                            null,
                            null),
                    Caller.SYSTEM);
        }
        List<Recorded<Payment>> payments = race(() -> ledger.receivePayment(
                new ReceivePayment(
                        unique("PAY"),
                        customer,
                        LocalDate.parse("2025-02-10"),
                        new BigDecimal("100.00"),
                        null,
                        "BANK_TRANSFER",
                        null,
                        null),
                Caller.SYSTEM));

        assertThat(payments).hasSize(THREADS);
        long customerId = fixtures.customerId(customer);
        assertThat(sum("SELECT sum(amount) FROM allocation WHERE customer_id = :id", customerId))
                .isEqualByComparingTo("500.00");
        assertThat(sum("SELECT sum(unapplied) FROM payment WHERE customer_id = :id", customerId))
                .isEqualByComparingTo("300.00");
        assertThat(sum("SELECT sum(open_amount) FROM collections_invoice WHERE customer_id = :id", customerId))
                .isEqualByComparingTo("0.00");
        assertThat(sum("""
                        SELECT count(*) FROM collections_invoice i
                        WHERE i.customer_id = :id
                          AND i.amount <> i.open_amount + (SELECT coalesce(sum(a.amount), 0) FROM allocation a
                                                           WHERE a.invoice_id = i.id)
                        """, customerId))
                .as("invoices whose open amount disagrees with their allocations")
                .isZero();
    }

    @Test
    void concurrent_explicit_allocations_to_one_invoice_settle_it_at_most_once() throws Exception {
        String invoice = unique("INV");
        ledger.issueInvoice(
                new IssueInvoice(
                        invoice,
                        customer,
                        null,
                        LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2025-01-31"),
                        new BigDecimal("100.00"),
                        "CNY",
                        null),
                Caller.SYSTEM);
        List<Recorded<Payment>> accepted = race(() -> {
            try {
                return ledger.receivePayment(
                        new ReceivePayment(
                                unique("PAY"),
                                customer,
                                LocalDate.parse("2025-01-15"),
                                new BigDecimal("60.00"),
                                "CNY",
                                "CASH",
                                null,
                                List.of(new ReceivePayment.RequestedAllocation(invoice, new BigDecimal("60.00")))),
                        Caller.SYSTEM);
            } catch (ProblemException refused) {
                assertThat(refused.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
                return null;
            }
        });
        assertThat(accepted).hasSize(1);
        assertThat(ledger.invoice(invoice, Caller.SYSTEM).openAmount()).isEqualByComparingTo("40.00");
    }

    /** Runs the action on all threads at once; the non-null results. */
    private <T> List<T> race(Callable<T> action) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                T result = future.get();
                if (result != null) results.add(result);
            }
            return results;
        }
    }

    private BigDecimal sum(String sql, long customerId) {
        return jdbc.sql(sql).param("id", customerId).query(BigDecimal.class).single();
    }
}
