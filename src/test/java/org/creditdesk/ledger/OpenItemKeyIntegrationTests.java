package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V180: an open item's invoice is checked once per statement instead of by a foreign key per row, with the key's
 * guarantees — a missing invoice refused under the key's own name, an invoice another transaction wrote locked until
 * the writer commits, a deleted invoice taking its open item along — and without locking an invoice its own
 * transaction wrote. Every write here runs in a rolled-back transaction unless it says otherwise.
 */
@SpringBootTest
class OpenItemKeyIntegrationTests {

    private static final String OPEN_ITEM_OF = """
            INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount, open_amount)
            SELECT id, customer_id, issue_date, due_date, currency, amount, amount FROM invoice WHERE id = %d
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    long customer;

    @BeforeEach
    void customer() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customerId(fixtures.customer("ITEMKEY", "EUR"));
    }

    @Test
    void open_item_keeps_no_per_row_key_of_its_invoice() {
        assertThat(jdbc.sql(
                                "SELECT conname FROM pg_constraint WHERE conrelid = 'open_item'::regclass AND contype = 'f'")
                        .query(String.class)
                        .list())
                .doesNotContain("open_item_id_fkey");
    }

    @Test
    void an_open_item_of_no_invoice_is_refused_under_the_keys_name() {
        long none = jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM invoice")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> inRolledBack(() -> jdbc.sql("""
                                INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount, open_amount)
                                VALUES (:id, :customer, DATE '2026-02-01', DATE '2026-03-03', 'EUR', 100, 100)
                                """)
                        .param("id", none)
                        .param("customer", customer)
                        .update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("open_item_id_fkey");
    }

    @Test
    void a_new_invoice_and_its_open_item_leave_the_invoice_row_unlocked() {
        long xmax = inRolledBack(() -> {
            long invoice = invoice();
            return jdbc.sql("SELECT CAST(CAST(xmax AS text) AS bigint) FROM invoice WHERE id = :id")
                    .param("id", invoice)
                    .query(Long.class)
                    .single();
        });
        assertThat(xmax).as("the invoice's xmax: no row lock written").isZero();
    }

    @Test
    void deleting_an_invoice_deletes_its_open_item() {
        long left = inRolledBack(() -> {
            long invoice = invoice();
            jdbc.sql("DELETE FROM invoice WHERE id = :id").param("id", invoice).update();
            return jdbc.sql("SELECT count(*) FROM open_item WHERE id = :id")
                    .param("id", invoice)
                    .query(Long.class)
                    .single();
        });
        assertThat(left).isZero();
    }

    /** The key's lock: an open item written for another transaction's invoice keeps it from being deleted meanwhile. */
    @Test
    void an_invoice_given_an_uncommitted_open_item_waits_for_the_writer() throws SQLException {
        long invoice = invoice();
        jdbc.sql("DELETE FROM open_item WHERE id = :id").param("id", invoice).update();
        try (Connection writer = dataSource.getConnection();
                Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            try (Statement write = writer.createStatement();
                    Statement delete = deleter.createStatement()) {
                write.executeUpdate(OPEN_ITEM_OF.formatted(invoice));
                delete.execute("SET LOCAL lock_timeout = '300ms'");
                assertThatThrownBy(() -> delete.executeUpdate("DELETE FROM invoice WHERE id = " + invoice))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("lock timeout");
            } finally {
                deleter.rollback();
                writer.rollback();
            }
        }
        jdbc.sql("DELETE FROM invoice WHERE id = :id").param("id", invoice).update();
    }

    /** An invoice deleted by a transaction that commits first: the open item written meanwhile is refused. */
    @Test
    void an_open_item_of_an_invoice_deleted_meanwhile_is_refused() throws SQLException {
        long invoice = invoice();
        jdbc.sql("DELETE FROM open_item WHERE id = :id").param("id", invoice).update();
        try (Connection deleter = dataSource.getConnection();
                Connection writer = dataSource.getConnection()) {
            deleter.setAutoCommit(false);
            try (Statement delete = deleter.createStatement();
                    Statement write = writer.createStatement()) {
                delete.executeUpdate("DELETE FROM invoice WHERE id = " + invoice);
                Thread writing = Thread.ofVirtual().start(() -> {
                    try {
                        Thread.sleep(300);
                        deleter.commit();
                    } catch (SQLException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThatThrownBy(() -> write.executeUpdate(OPEN_ITEM_OF.formatted(invoice)))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("open_item_id_fkey");
                writing.join();
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A committed invoice of 100 EUR with its open item, written as the ledger writes a new invoice. */
    private long invoice() {
        return jdbc.sql("""
                        WITH i AS (
                            INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                            VALUES (:no, :customer, DATE '2026-02-01', DATE '2026-03-03', 100, 'EUR')
                            RETURNING id, customer_id, issue_date, due_date, currency, amount
                        ), o AS (
                            INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount, open_amount)
                            SELECT id, customer_id, issue_date, due_date, currency, amount, amount FROM i
                        )
                        SELECT id FROM i
                        """)
                .param("no", LedgerFixtures.unique("IK"))
                .param("customer", customer)
                .query(Long.class)
                .single();
    }

    private <T> T inRolledBack(java.util.function.Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
