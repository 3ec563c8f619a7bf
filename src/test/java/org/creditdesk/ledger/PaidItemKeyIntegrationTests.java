package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V184: a paid item's invoice is checked once per insert statement instead of by a foreign key per row, with the
 * key's guarantees — its ON DELETE CASCADE included. Every write here runs in a rolled-back transaction.
 */
@SpringBootTest
class PaidItemKeyIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long customer;

    @BeforeEach
    void customer() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customerId(fixtures.customer("PAIDKEY", "EUR"));
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

    private <T> T inRolledBack(Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}
