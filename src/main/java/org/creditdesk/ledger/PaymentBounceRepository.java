package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentBounceRepository {

    private static final String LOCK_PAYMENT = "SELECT id FROM payment WHERE payment_no = :paymentNo FOR UPDATE";
    // The reversal keeps the allocation (history as of earlier dates stays reconstructible).
    private static final String REVERSE_ALLOCATIONS = """
            UPDATE allocation
            SET reversed_on = :bouncedOn
            WHERE payment_id = :paymentId AND reversed_on IS NULL
            RETURNING invoice_id, amount
            """;
    /**
     * The items of the invoices the payment settled, open ones first, then paid ones, each in id order: two bounces
     * reopening one invoice wait for each other on its item, and a payment or an import settling it waits on its open
     * item as every writer of open amounts does. No invoice row is locked: the writers of allocations lock their
     * invoices only FOR KEY SHARE (the foreign key) and FOR SHARE (V164's check of the copies), after their open
     * items, so a bounce holding an invoice while waiting for its open item deadlocked with them. Two statements, so
     * that an item a payment moved from open_item to paid_item while this waited is found in the second.
     */
    private static final String LOCK_ITEMS = """
            SELECT count(*) FROM (
                SELECT id FROM %s WHERE id IN (SELECT invoice_id FROM allocation WHERE payment_id = :paymentId)
                ORDER BY id
                FOR UPDATE
            ) items
            """;

    /**
     * A paid invoice leaves paid_item for open_item, open for what was reversed; one still open has its open
     * amount raised. Either way its newest settlement not reversed is read again from the allocations.
     */
    private static final String REOPEN = """
            WITH s AS MATERIALIZED (
                SELECT id, sum(amount) AS amount,
                       (SELECT max(a.allocated_on) FROM allocation a
                        WHERE a.invoice_id = t.id AND a.reversed_on IS NULL) AS last_on
                FROM unnest(CAST(:ids AS bigint[]), CAST(:amounts AS numeric[])) AS t (id, amount)
                GROUP BY id
            ), reopened AS (
                DELETE FROM paid_item p USING s WHERE p.id = s.id RETURNING p.id
            ), opened AS (
                INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                       open_amount, last_allocated_on)
                SELECT i.id, i.customer_id, i.issue_date, i.due_date, i.currency, i.product_line, i.amount,
                       s.amount, s.last_on
                FROM reopened r JOIN s ON s.id = r.id JOIN invoice i ON i.id = r.id
            ), raised AS (
                UPDATE open_item o
                SET open_amount = o.open_amount + s.amount, last_allocated_on = s.last_on
                FROM s
                WHERE o.id = s.id
            )
            SELECT i.invoice_no, s.amount FROM s JOIN invoice i ON i.id = s.id
            """;

    private static final String MARK_BOUNCED = """
            UPDATE payment
            SET status = 'BOUNCED', bounced_on = :bouncedOn, bounce_reason = :reason
            WHERE id = :paymentId AND status = 'RECEIVED'
            """;

    private final JdbcClient jdbc;

    PaymentBounceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockPayment(String paymentNo) {
        jdbc.sql(LOCK_PAYMENT).param("paymentNo", paymentNo).query(Long.class).optional();
    }

    /** Reverses the payment's settlements and reopens the invoices they settled; returns what was reopened. */
    List<BouncedPayment.Reopened> reverse(long paymentId, LocalDate bouncedOn) {
        for (String items : List.of("open_item", "paid_item")) {
            jdbc.sql(LOCK_ITEMS.formatted(items))
                    .param("paymentId", paymentId)
                    .query(Long.class)
                    .single();
        }
        record Reversed(long invoiceId, BigDecimal amount) {}
        List<Reversed> reversed = jdbc.sql(REVERSE_ALLOCATIONS)
                .param("paymentId", paymentId)
                .param("bouncedOn", bouncedOn)
                .query((rs, n) -> new Reversed(rs.getLong("invoice_id"), rs.getBigDecimal("amount")))
                .list();
        if (reversed.isEmpty()) return List.of();
        return jdbc
                .sql(REOPEN)
                .param("ids", reversed.stream().map(Reversed::invoiceId).toArray(Long[]::new))
                .param(
                        "amounts",
                        reversed.stream().map(r -> r.amount().toPlainString()).toArray(String[]::new))
                .query((rs, n) -> new BouncedPayment.Reopened(rs.getString("invoice_no"), rs.getBigDecimal("amount")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(BouncedPayment.Reopened::invoiceNo))
                .toList();
    }

    boolean markBounced(long paymentId, LocalDate bouncedOn, String reason) {
        return jdbc.sql(MARK_BOUNCED)
                        .param("paymentId", paymentId)
                        .param("bouncedOn", bouncedOn)
                        .param("reason", reason)
                        .update()
                == 1;
    }
}
