package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.ledger.LedgerFixtures.unique;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.creditdesk.identity.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bounce and a settlement of the same invoice, each waiting for the other's lock in the worst order: the
 * settlement (a payments import, a bank statement, a recorded payment) holds the invoice's open item and then writes
 * its allocation, whose foreign key and V164's check lock the invoice; the bounce arrives in between. A bounce that
 * locked the invoice before its open item deadlocked here (PostgreSQL broke it and one of the two was rolled back);
 * it locks the items only, so the bounce waits and both go through.
 */
@SpringBootTest
class BounceLockOrderIntegrationTests {

    private static final LocalDate ISSUED = LocalDate.parse("2026-03-01");

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    LedgerFixtures fixtures;
    String customer;

    @BeforeEach
    void customer() {
        fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customer("BOUNCELOCK", "CNY");
    }

    @Test
    void a_bounce_waiting_for_an_open_item_does_not_deadlock_with_the_settlement_holding_it() throws Exception {
        String invoice = invoice("100.00");
        BouncedPayment bounced = bounceWhileAnotherPaymentSettles(invoice, new BigDecimal("20.00"));

        assertThat(bounced.reopened())
                .extracting(BouncedPayment.Reopened::amount)
                .containsExactly(new BigDecimal("60.00"));
        assertThat(ledger.invoice(invoice, Caller.SYSTEM).openAmount()).isEqualByComparingTo("80.00");
    }

    @Test
    void a_bounce_of_an_invoice_paid_in_full_meanwhile_reopens_it_from_the_paid_items() throws Exception {
        String invoice = invoice("100.00");
        // The rest of the invoice: its open item leaves for paid_item while the bounce waits for it.
        bounceWhileAnotherPaymentSettles(invoice, new BigDecimal("40.00"));

        assertThat(ledger.invoice(invoice, Caller.SYSTEM).openAmount()).isEqualByComparingTo("60.00");
        assertThat(jdbc.sql("SELECT count(*) FROM paid_item WHERE id = :id")
                        .param("id", invoiceId(invoice))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * A cheque of 60.00 settles the invoice; then a transfer's settlement holds the invoice's open item, the cheque's
     * bounce starts and waits, and the transfer writes its allocation of {@code settled} and commits.
     */
    private BouncedPayment bounceWhileAnotherPaymentSettles(String invoice, BigDecimal settled) throws Exception {
        String cheque = unique("CHQ");
        ledger.receivePayment(
                new ReceivePayment(
                        cheque,
                        customer,
                        ISSUED.plusDays(5),
                        new BigDecimal("60.00"),
                        "CNY",
                        "CHEQUE",
                        cheque,
                        List.of(new ReceivePayment.RequestedAllocation(invoice, new BigDecimal("60.00")))),
                Caller.SYSTEM);
        long invoiceId = invoiceId(invoice);
        try (Connection settlement = dataSource.getConnection();
                ExecutorService bouncer = Executors.newSingleThreadExecutor()) {
            settlement.setAutoCommit(false);
            try (Statement s = settlement.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '10s'");
                s.executeQuery("SELECT id FROM open_item WHERE id = %d FOR UPDATE".formatted(invoiceId))
                        .close();
            }
            Future<BouncedPayment> bounce = bouncer.submit(() ->
                    ledger.bounce(cheque, new BounceCheque(ISSUED.plusDays(9), "insufficient funds"), Caller.SYSTEM));
            awaitWaitingForALock();

            settleByTransfer(settlement, invoiceId, settled);
            settlement.commit();
            return bounce.get(20, TimeUnit.SECONDS);
        }
    }

    private String invoice(String amount) {
        String no = unique("INV");
        ledger.issueInvoice(
                new IssueInvoice(no, customer, null, ISSUED, ISSUED.plusDays(30), new BigDecimal(amount), "CNY", null),
                Caller.SYSTEM);
        return no;
    }

    private long invoiceId(String invoiceNo) {
        return jdbc.sql("SELECT id FROM invoice WHERE invoice_no = :no")
                .param("no", invoiceNo)
                .query(Long.class)
                .single();
    }

    /** As the payments import and the bank bookings write: a payment, its allocation with the copies, the settlement. */
    private void settleByTransfer(Connection connection, long invoiceId, BigDecimal amount) throws SQLException {
        long paymentId;
        try (PreparedStatement payment = connection.prepareStatement("""
                INSERT INTO payment (payment_no, customer_id, received_on, amount, currency, method, unapplied)
                VALUES (?, ?, ?, ?, 'CNY', 'BANK_TRANSFER', 0)
                RETURNING id
                """)) {
            payment.setString(1, unique("TRF"));
            payment.setLong(2, fixtures.customerId(customer));
            payment.setObject(3, ISSUED.plusDays(7));
            payment.setBigDecimal(4, amount);
            try (ResultSet rs = payment.executeQuery()) {
                rs.next();
                paymentId = rs.getLong(1);
            }
        }
        try (PreparedStatement allocation = connection.prepareStatement("""
                INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on, invoice_customer_id,
                                        invoice_issue_date, invoice_due_date, invoice_currency)
                SELECT i.customer_id, i.id, ?, ?, ?, i.customer_id, i.issue_date, i.due_date, i.currency
                FROM invoice i WHERE i.id = ?
                """)) {
            allocation.setLong(1, paymentId);
            allocation.setBigDecimal(2, amount);
            allocation.setObject(3, ISSUED.plusDays(7));
            allocation.setLong(4, invoiceId);
            assertThat(allocation.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement settle = connection.prepareStatement(
                "SELECT settle_open_items(ARRAY[?]::bigint[], ARRAY[?]::numeric[], ARRAY[?]::date[])")) {
            settle.setLong(1, invoiceId);
            settle.setBigDecimal(2, amount);
            settle.setObject(3, ISSUED.plusDays(7));
            try (ResultSet rs = settle.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1))
                        .as("invoices not open for what was settled")
                        .isZero();
            }
        }
    }

    private void awaitWaitingForALock() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            long waiting = jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted")
                    .query(Long.class)
                    .single();
            if (waiting > 0) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the bounce never waited for the settlement's lock");
    }
}
