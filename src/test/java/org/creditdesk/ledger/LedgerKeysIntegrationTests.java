package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
 * V166: an invoice's customer and product line, V181: a payment's customer, and V184: a paid item's invoice are checked
 * once per statement instead of by a foreign key per row, with the foreign keys' guarantees — a missing one refused
 * under the key's own name, the referenced rows locked until the writer commits, neither deletable nor renumbered while
 * a row names it, and a paid item deleted with its invoice (the key's ON DELETE CASCADE). Every write here runs in a
 * rolled-back transaction.
 */
@SpringBootTest
class LedgerKeysIntegrationTests {

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
        customer = fixtures.customerId(fixtures.customer("INVKEY", "EUR"));
    }

    @Test
    void invoice_keeps_no_per_row_key_of_its_customer_or_product_line() {
        List<String> keys = jdbc.sql("""
                        SELECT conname FROM pg_constraint
                        WHERE conrelid = 'invoice'::regclass AND contype = 'f' ORDER BY conname
                        """).query(String.class).list();
        assertThat(keys).doesNotContain("invoice_customer_id_fkey", "invoice_product_line_fkey");
    }

    @Test
    void payment_keeps_no_per_row_key_of_its_customer() {
        List<String> keys = jdbc.sql(
                        "SELECT conname FROM pg_constraint WHERE conrelid = 'payment'::regclass AND contype = 'f'")
                .query(String.class)
                .list();
        assertThat(keys).doesNotContain("payment_customer_id_fkey");
    }

    @Test
    void payments_of_existing_customers_are_written() {
        assertThat(inRolledBack(() -> payments(List.of(customer, customer)))).isEqualTo(2);
    }

    @Test
    void a_statement_with_one_payment_of_an_unknown_customer_is_refused_under_the_customer_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> payments(List.of(customer, -1L))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payment_customer_id_fkey")
                .hasMessageContaining("Key (customer_id)=(-1) is not present");
    }

    @Test
    void moving_a_payment_to_an_unknown_customer_is_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    payments(List.of(customer));
                    return jdbc.sql("UPDATE payment SET customer_id = -1 WHERE customer_id = :customer")
                            .param("customer", customer)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payment_customer_id_fkey");
    }

    @Test
    void a_customer_with_a_payment_cannot_be_deleted() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    payments(List.of(customer));
                    // The fixture's other rows of the customer would refuse the delete first.
                    jdbc.sql("DELETE FROM customer_sales_rep_history WHERE customer_id = :customer")
                            .param("customer", customer)
                            .update();
                    return jdbc.sql("DELETE FROM customer WHERE id = :customer")
                            .param("customer", customer)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("payment_customer_id_fkey");
    }

    @Test
    void paid_item_keeps_no_per_row_key_of_its_invoice() {
        List<String> keys = jdbc.sql(
                        "SELECT conname FROM pg_constraint WHERE conrelid = 'paid_item'::regclass AND contype = 'f'")
                .query(String.class)
                .list();
        assertThat(keys).doesNotContain("paid_item_id_fkey");
    }

    @Test
    void paid_items_of_existing_invoices_are_written() {
        assertThat(inRolledBack(() -> paidItems(List.of(invoice(), invoice())))).isEqualTo(2);
    }

    @Test
    void a_statement_with_one_paid_item_of_an_unknown_invoice_is_refused_under_the_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> paidItems(List.of(invoice(), -1L))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("paid_item_id_fkey")
                .hasMessageContaining("Key (id)=(-1) is not present");
    }

    @Test
    void deleting_an_invoice_deletes_its_paid_item() {
        assertThat(inRolledBack(() -> {
                    long invoice = invoice();
                    paidItems(List.of(invoice));
                    jdbc.sql("DELETE FROM invoice WHERE id = :invoice")
                            .param("invoice", invoice)
                            .update();
                    return jdbc.sql("SELECT count(*) FROM paid_item WHERE id = :invoice")
                            .param("invoice", invoice)
                            .query(Long.class)
                            .single();
                }))
                .isZero();
    }

    @Test
    void an_invoice_with_a_paid_item_cannot_be_renumbered() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice();
                    paidItems(List.of(invoice));
                    return jdbc.sql("UPDATE invoice SET id = DEFAULT WHERE id = :invoice")
                            .param("invoice", invoice)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("paid_item_id_fkey");
    }

    @Test
    void invoices_of_existing_customers_and_product_lines_are_written() {
        String line = productLine();
        assertThat(inRolledBack(() -> invoices(List.of(customer, customer), line)))
                .isEqualTo(2);
    }

    @Test
    void a_statement_with_one_invoice_of_an_unknown_customer_is_refused_under_the_customer_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> invoices(List.of(customer, -1L, customer), null)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_customer_id_fkey")
                .hasMessageContaining("Key (customer_id)=(-1) is not present");
    }

    @Test
    void an_invoice_of_an_unknown_product_line_is_refused_under_the_product_line_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> invoices(List.of(customer), "NO-SUCH-LINE")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_product_line_fkey");
    }

    @Test
    void moving_an_invoice_to_an_unknown_customer_is_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    invoices(List.of(customer), null);
                    return jdbc.sql("UPDATE invoice SET customer_id = -1 WHERE customer_id = :customer")
                            .param("customer", customer)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_customer_id_fkey");
    }

    @Test
    void a_customer_with_an_invoice_cannot_be_deleted() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    invoices(List.of(customer), null);
                    return jdbc.sql("DELETE FROM customer WHERE id = :customer")
                            .param("customer", customer)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("violates foreign key constraint");
    }

    @Test
    void a_product_line_with_an_invoice_cannot_be_deleted_or_renamed() {
        String line = productLine();
        assertThatThrownBy(() -> inRolledBack(() -> {
                    invoices(List.of(customer), line);
                    return jdbc.sql("DELETE FROM product_line WHERE code = :line")
                            .param("line", line)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_product_line_fkey");
        assertThatThrownBy(() -> inRolledBack(() -> {
                    invoices(List.of(customer), line);
                    return jdbc.sql("UPDATE product_line SET code = code || '-2' WHERE code = :line")
                            .param("line", line)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("invoice_product_line_fkey");
    }

    @Test
    void a_product_line_without_invoices_can_still_be_deleted() {
        String line = productLine();
        assertThat(inRolledBack(() -> jdbc.sql("DELETE FROM product_line WHERE code = :line")
                        .param("line", line)
                        .update()))
                .isEqualTo(1);
    }

    /** The foreign key's lock: a writer's uncommitted invoice keeps its product line from being deleted meanwhile. */
    @Test
    void a_product_line_named_by_an_uncommitted_invoice_waits_for_the_writer() throws SQLException {
        String line = productLine();
        try (Connection writer = dataSource.getConnection();
                Connection deleter = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            deleter.setAutoCommit(false);
            try (PreparedStatement insert = writer.prepareStatement("""
                    INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency, product_line)
                    VALUES (?, ?, DATE '2026-02-01', DATE '2026-03-03', 100, 'EUR', ?)
                    """)) {
                insert.setString(1, LedgerFixtures.unique("IK"));
                insert.setLong(2, customer);
                insert.setString(3, line);
                insert.executeUpdate();
            }
            try (Statement delete = deleter.createStatement()) {
                delete.execute("SET LOCAL lock_timeout = '300ms'");
                assertThatThrownBy(() ->
                                delete.executeUpdate("DELETE FROM product_line WHERE code = '%s'".formatted(line)))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("lock timeout");
            } finally {
                deleter.rollback();
                writer.rollback();
            }
        }
    }

    private String productLine() {
        String code = LedgerFixtures.unique("PL");
        jdbc.sql("INSERT INTO product_line (code, name) VALUES (:code, :code)")
                .param("code", code)
                .update();
        return code;
    }

    private int invoices(List<Long> customers, String productLine) {
        return write(
                "invoice (invoice_no, customer_id, issue_date, due_date, amount, currency, product_line)",
                "DATE '2026-02-01', DATE '2026-03-03', 100, 'EUR', CAST(:line AS text)",
                customers,
                productLine);
    }

    private int payments(List<Long> customers) {
        return write(
                "payment (payment_no, customer_id, received_on, amount, currency, method, unapplied)",
                "DATE '2026-02-01', 100, 'EUR', 'BANK_TRANSFER', 100",
                customers,
                null);
    }

    /** One invoice of 100 EUR of the customer, without an open item; returns its id. */
    private long invoice() {
        return jdbc.sql("""
                        INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                        VALUES (:no, :customer, DATE '2026-02-01', DATE '2026-03-03', 100, 'EUR')
                        RETURNING id
                        """)
                .param("no", LedgerFixtures.unique("PK"))
                .param("customer", customer)
                .query(Long.class)
                .single();
    }

    /** One statement writing a paid item of 100 EUR for each invoice id given. */
    private int paidItems(List<Long> invoices) {
        return jdbc.sql("""
                        INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount, last_allocated_on)
                        SELECT i, :customer, DATE '2026-02-01', DATE '2026-03-03', 'EUR', 100, DATE '2026-03-01'
                        FROM unnest(CAST(:invoices AS bigint[])) AS u (i)
                        """)
                .param("customer", customer)
                .param("invoices", invoices.toArray(Long[]::new))
                .update();
    }

    /** One statement writing a row of 100 EUR for each customer given, numbered from a unique prefix. */
    private int write(String tableAndColumns, String values, List<Long> customers, String productLine) {
        return jdbc.sql(
                        "INSERT INTO %s SELECT :prefix || n, c, %s FROM unnest(CAST(:customers AS bigint[])) WITH ORDINALITY AS u (c, n)"
                                .formatted(tableAndColumns, values))
                .param("prefix", LedgerFixtures.unique("LK"))
                .param("customers", customers.toArray(Long[]::new))
                .param("line", productLine)
                .update();
    }

    private <T> T inRolledBack(java.util.function.Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
