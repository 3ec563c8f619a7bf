package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V93's {@code settle_open_items}, the one writer of settlements that the recorded payment, the credit note, the bank
 * statement's bookings and the payments import share: paid in full moves the open item to paid_item with the day of
 * its newest settlement, paid in part lowers the open amount and keeps the later day, repeated invoices are summed,
 * an invoice without an open item is counted and not written, and more than is open is refused. Each test runs in a
 * transaction that is rolled back.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettleOpenItemsFunctionTests {

    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 2);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long customer;

    @BeforeAll
    void customer() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customerId(fixtures.customer("SETTLE", "EUR"));
    }

    @Test
    void an_invoice_settled_in_full_leaves_open_items_for_paid_items_with_its_newest_settlement_day() {
        rolledBack(() -> {
            long invoice = openInvoice("100.00", "100.00", LocalDate.of(2026, 3, 5));

            long notOpen = settle(
                    List.of(invoice, invoice),
                    List.of("60.00", "40.00"),
                    List.of(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 10)));

            assertThat(notOpen).isZero();
            assertThat(openAmount(invoice)).isEmpty();
            assertThat(paidOn(invoice)).contains(LocalDate.of(2026, 3, 20));
            assertThat(jdbc.sql("SELECT amount FROM paid_item WHERE id = :id")
                            .param("id", invoice)
                            .query(BigDecimal.class)
                            .single())
                    .isEqualByComparingTo("100.00");
        });
    }

    @Test
    void an_invoice_settled_in_part_keeps_its_open_item_with_the_rest_and_the_later_settlement_day() {
        rolledBack(() -> {
            long earlier = openInvoice("100.00", "70.00", LocalDate.of(2026, 3, 25));
            long later = openInvoice("100.00", "100.00", null);

            long notOpen = settle(
                    List.of(earlier, later, later),
                    List.of("20.00", "30.00", "0.01"),
                    List.of(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 11)));

            assertThat(notOpen).isZero();
            assertThat(openAmount(earlier)).contains(new BigDecimal("50.00"));
            assertThat(lastSettled(earlier)).isEqualTo(LocalDate.of(2026, 3, 25));
            assertThat(openAmount(later)).contains(new BigDecimal("69.99"));
            assertThat(lastSettled(later)).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(paidOn(earlier)).isEmpty();
            assertThat(paidOn(later)).isEmpty();
        });
    }

    @Test
    void an_invoice_without_an_open_item_is_counted_and_left_as_it_was() {
        rolledBack(() -> {
            long open = openInvoice("80.00", "80.00", null);
            long paid = openInvoice("50.00", "50.00", null);
            settle(List.of(paid), List.of("50.00"), List.of(LocalDate.of(2026, 3, 9)));

            long notOpen =
                    settle(List.of(paid, open), List.of("10.00", "80.00"), List.of(ISSUED, LocalDate.of(2026, 3, 30)));

            assertThat(notOpen).isOne();
            assertThat(paidOn(paid)).contains(LocalDate.of(2026, 3, 9));
            assertThat(paidOn(open)).contains(LocalDate.of(2026, 3, 30));
        });
    }

    @Test
    void settling_more_than_is_open_is_refused_and_writes_nothing() {
        rolledBack(() -> {
            long first = openInvoice("100.00", "100.00", null);
            long second = openInvoice("100.00", "40.00", null);

            jdbc.sql("SAVEPOINT beyond").update();
            assertThatThrownBy(
                            () -> settle(List.of(first, second), List.of("100.00", "40.01"), List.of(ISSUED, ISSUED)))
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("open_item_check");
            jdbc.sql("ROLLBACK TO SAVEPOINT beyond").update();

            assertThat(openAmount(first)).contains(new BigDecimal("100.00"));
            assertThat(openAmount(second)).contains(new BigDecimal("40.00"));
            assertThat(paidOn(first)).isEmpty();
        });
    }

    @Test
    void nothing_to_settle_settles_nothing() {
        rolledBack(() -> assertThat(jdbc.sql("SELECT settle_open_items(NULL, NULL, NULL)")
                        .query(Long.class)
                        .single())
                .isZero());
    }

    private void rolledBack(Runnable body) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            body.run();
        });
    }

    /** A new invoice of the customer with an open item of the given open amount and newest settlement day. */
    private long openInvoice(String amount, String open, LocalDate lastSettled) {
        long id = jdbc.sql("""
                        INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                        VALUES (:no, :customer, :issued, :issued + 30, :amount, 'EUR')
                        RETURNING id
                        """)
                .param("no", LedgerFixtures.unique("SETTLE"))
                .param("customer", customer)
                .param("issued", ISSUED)
                .param("amount", new BigDecimal(amount))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount, open_amount,
                                               last_allocated_on)
                        SELECT id, customer_id, issue_date, due_date, currency, amount, :open, :last
                        FROM invoice WHERE id = :id
                        """)
                .param("open", new BigDecimal(open))
                .param("last", lastSettled)
                .param("id", id)
                .update();
        return id;
    }

    private long settle(List<Long> ids, List<String> amounts, List<LocalDate> dates) {
        return jdbc.sql("SELECT settle_open_items(CAST(:ids AS bigint[]), CAST(:amounts AS numeric[]),"
                        + " CAST(:dates AS date[]))")
                .param("ids", ids.toArray(Long[]::new))
                .param("amounts", amounts.toArray(String[]::new))
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private Optional<BigDecimal> openAmount(long invoice) {
        return jdbc.sql("SELECT open_amount FROM open_item WHERE id = :id")
                .param("id", invoice)
                .query(BigDecimal.class)
                .optional();
    }

    private LocalDate lastSettled(long invoice) {
        return jdbc.sql("SELECT last_allocated_on FROM open_item WHERE id = :id")
                .param("id", invoice)
                .query(LocalDate.class)
                .single();
    }

    private Optional<LocalDate> paidOn(long invoice) {
        return jdbc.sql("SELECT last_allocated_on FROM paid_item WHERE id = :id")
                .param("id", invoice)
                .query(LocalDate.class)
                .optional();
    }
}
