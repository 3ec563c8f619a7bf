package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V164: an allocation's customer is kept by the database without a foreign key of its own — it must be its
 * invoice's customer (a CHECK against the copy V73 keeps), the copies a writer passes must be the invoice's (one
 * statement trigger per insert), and the invoice's own keys keep the customer from disappearing. V183: the invoice
 * and the payment are checked by that statement trigger too, with the keys' guarantees. Every write here runs in a
 * rolled-back transaction.
 */
@SpringBootTest
class AllocationCustomerIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    long customer;
    long other;

    @BeforeEach
    void customers() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customerId(fixtures.customer("ALLOC", "EUR"));
        other = fixtures.customerId(fixtures.customer("ALLOC", "EUR"));
    }

    @Test
    void allocation_keeps_only_its_credit_note_key_per_row() {
        List<String> keys = jdbc.sql("""
                        SELECT conname FROM pg_constraint
                        WHERE conrelid = 'allocation'::regclass AND contype = 'f' ORDER BY conname
                        """).query(String.class).list();
        assertThat(keys).containsExactly("allocation_credit_note_id_fkey");
    }

    @Test
    void an_allocation_of_an_unknown_invoice_is_refused_under_the_invoice_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    long payment = payment(customer);
                    return jdbc.sql(withCopies(customer, invoice, payment, "i.customer_id")
                                    .replace(
                                            "SELECT %d, i.id,".formatted(customer),
                                            "SELECT %d, -1,".formatted(customer)))
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_invoice_id_fkey")
                .hasMessageContaining("Key (invoice_id)=(-1) is not present");
    }

    @Test
    void an_allocation_of_an_unknown_payment_is_refused_under_the_payment_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    return jdbc.sql(withCopies(customer, invoice, -1, "i.customer_id"))
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_payment_id_fkey")
                .hasMessageContaining("Key (payment_id)=(-1) is not present");
    }

    @Test
    void moving_an_allocation_to_an_unknown_payment_is_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    jdbc.sql(withCopies(customer, invoice, payment(customer), "i.customer_id"))
                            .update();
                    return jdbc.sql("UPDATE allocation SET payment_id = -1 WHERE invoice_id = :invoice")
                            .param("invoice", invoice)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_payment_id_fkey");
    }

    @Test
    void a_payment_with_an_allocation_cannot_be_deleted() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long payment = payment(customer);
                    jdbc.sql(withCopies(customer, invoice(customer), payment, "i.customer_id"))
                            .update();
                    return jdbc.sql("DELETE FROM payment WHERE id = :payment")
                            .param("payment", payment)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_payment_id_fkey");
    }

    @Test
    void an_allocation_passing_its_invoices_copies_is_written() {
        assertThat(inRolledBack(() -> {
                    long invoice = invoice(customer);
                    long payment = payment(customer);
                    return jdbc.sql(withCopies(customer, invoice, payment, "i.customer_id"))
                            .update();
                }))
                .isEqualTo(1);
    }

    @Test
    void an_allocation_leaving_the_copies_out_gets_them_from_its_invoice() {
        assertThat(inRolledBack(() -> {
                    long invoice = invoice(customer);
                    long payment = payment(customer);
                    withoutCopies(customer, invoice, payment);
                    return jdbc.sql("SELECT invoice_customer_id FROM allocation WHERE invoice_id = :invoice")
                            .param("invoice", invoice)
                            .query(Long.class)
                            .single();
                }))
                .isEqualTo(customer);
    }

    @Test
    void an_allocation_of_another_customers_invoice_is_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(other);
                    long payment = payment(customer);
                    return withoutCopies(customer, invoice, payment);
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_customer_is_invoice_customer");
    }

    @Test
    void copies_naming_another_customer_than_the_invoices_are_refused_even_when_customer_and_copy_agree() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(other);
                    long payment = payment(customer);
                    return jdbc.sql(withCopies(customer, invoice, payment, Long.toString(customer)))
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not carry the invoice's customer");
    }

    @Test
    void copies_with_another_due_date_than_the_invoices_are_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    long payment = payment(customer);
                    return jdbc.sql(withCopies(customer, invoice, payment, "i.customer_id")
                                    .replace("i.due_date", "i.due_date + 1"))
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("does not carry the invoice's customer");
    }

    @Test
    void a_settled_invoice_and_so_its_customer_cannot_be_deleted() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    jdbc.sql(withCopies(customer, invoice, payment(customer), "i.customer_id"))
                            .update();
                    return jdbc.sql("DELETE FROM invoice WHERE id = :invoice")
                            .param("invoice", invoice)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_invoice_id_fkey");
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    jdbc.sql(withCopies(customer, invoice, payment(customer), "i.customer_id"))
                            .update();
                    return jdbc.sql("DELETE FROM customer WHERE id = :customer")
                            .param("customer", customer)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("violates foreign key constraint");
    }

    @Test
    void an_invoice_with_settlements_cannot_move_to_another_customer() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long invoice = invoice(customer);
                    long payment = payment(customer);
                    jdbc.sql(withCopies(customer, invoice, payment, "i.customer_id"))
                            .update();
                    return jdbc.sql("UPDATE invoice SET customer_id = :other WHERE id = :invoice")
                            .param("other", other)
                            .param("invoice", invoice)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allocation_customer_is_invoice_customer");
    }

    /** An allocation of 10 as a recorded payment writes it: the copies left to V73's trigger. */
    private int withoutCopies(long customerId, long invoice, long payment) {
        return jdbc.sql("""
                        INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on)
                        VALUES (:customer, :invoice, :payment, 10, DATE '2026-03-01')
                        """)
                .param("customer", customerId)
                .param("invoice", invoice)
                .param("payment", payment)
                .update();
    }

    /**
     * An allocation of 10 passing the invoice's dates and currency as copies (read in the same statement, as the
     * payments import does) and {@code copiedCustomer} (SQL) as the invoice's customer.
     */
    private static String withCopies(long customer, long invoice, long payment, String copiedCustomer) {
        return """
                INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on,
                                        invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency)
                SELECT %d, i.id, %d, 10, DATE '2026-03-01', %s, i.issue_date, i.due_date, i.currency
                FROM invoice i WHERE i.id = %d
                """.formatted(customer, payment, copiedCustomer, invoice);
    }

    private long invoice(long customerId) {
        return jdbc.sql("""
                        WITH written AS (
                            INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                            VALUES (:no, :customer, DATE '2026-02-01', DATE '2026-03-03', 100, 'EUR')
                            RETURNING *
                        ), opened AS (
                            INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                                   open_amount)
                            SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, amount FROM written
                        )
                        SELECT id FROM written
                        """)
                .param("no", LedgerFixtures.unique("AI"))
                .param("customer", customerId)
                .query(Long.class)
                .single();
    }

    private long payment(long customerId) {
        return jdbc.sql("""
                        INSERT INTO payment (payment_no, customer_id, received_on, amount, currency, method, unapplied)
                        VALUES (:no, :customer, DATE '2026-03-01', 10, 'EUR', 'BANK_TRANSFER', 0)
                        RETURNING id
                        """)
                .param("no", LedgerFixtures.unique("AP"))
                .param("customer", customerId)
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
