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
    // Invoices are locked in id order, like every other writer of open amounts.
    private static final String LOCK_INVOICES = """
            SELECT id FROM invoice WHERE id IN (SELECT invoice_id FROM allocation WHERE payment_id = :paymentId)
            ORDER BY id
            FOR UPDATE
            """;
    private static final String REOPEN = """
            UPDATE invoice i
            SET open_amount = i.open_amount + s.amount,
                last_allocated_on = (SELECT max(a.allocated_on) FROM allocation a
                                     WHERE a.invoice_id = i.id AND a.reversed_on IS NULL)
            FROM (SELECT id, sum(amount) AS amount
                  FROM unnest(CAST(:ids AS bigint[]), CAST(:amounts AS numeric[])) AS t (id, amount)
                  GROUP BY id) s
            WHERE i.id = s.id
            RETURNING i.invoice_no, s.amount
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
        jdbc.sql(LOCK_INVOICES).param("paymentId", paymentId).query(Long.class).list();
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
