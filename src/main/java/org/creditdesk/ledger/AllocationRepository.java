package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AllocationRepository {

    /** One settlement to write; exactly one of payment and credit note is set by the caller. */
    record NewAllocation(long invoiceId, BigDecimal amount, LocalDate allocatedOn) {}

    /** A payment's settlement as read back, keyed by the payment's id. */
    record PaymentAllocation(long paymentId, Payment.Applied applied) {}

    private static final String INSERT_FOR_PAYMENT = """
            INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on)
            SELECT :customerId, t.invoice_id, :paymentId, t.amount, t.allocated_on
            FROM unnest(CAST(:invoiceIds AS bigint[]), CAST(:amounts AS numeric[]), CAST(:dates AS date[]))
                 AS t (invoice_id, amount, allocated_on)
            """;
    private static final String INSERT_FOR_CREDIT_NOTE = """
            INSERT INTO allocation (customer_id, invoice_id, credit_note_id, amount, allocated_on)
            SELECT :customerId, t.invoice_id, :creditNoteId, t.amount, t.allocated_on
            FROM unnest(CAST(:invoiceIds AS bigint[]), CAST(:amounts AS numeric[]), CAST(:dates AS date[]))
                 AS t (invoice_id, amount, allocated_on)
            """;
    private static final String OF_PAYMENTS = """
            SELECT a.payment_id, i.invoice_no, a.amount, a.allocated_on
            FROM allocation a
            JOIN invoice i ON i.id = a.invoice_id
            WHERE a.payment_id = ANY(CAST(:paymentIds AS bigint[]))
            ORDER BY a.payment_id, a.id
            """;

    private final JdbcClient jdbc;

    AllocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertForPayment(long customerId, long paymentId, List<NewAllocation> allocations) {
        if (allocations.isEmpty()) return;
        bind(jdbc.sql(INSERT_FOR_PAYMENT), allocations)
                .param("customerId", customerId)
                .param("paymentId", paymentId)
                .update();
    }

    void insertForCreditNote(long customerId, long creditNoteId, List<NewAllocation> allocations) {
        if (allocations.isEmpty()) return;
        bind(jdbc.sql(INSERT_FOR_CREDIT_NOTE), allocations)
                .param("customerId", customerId)
                .param("creditNoteId", creditNoteId)
                .update();
    }

    List<PaymentAllocation> ofPayments(Collection<Long> paymentIds) {
        if (paymentIds.isEmpty()) return List.of();
        return jdbc.sql(OF_PAYMENTS)
                .param("paymentIds", paymentIds.toArray(Long[]::new))
                .query(AllocationRepository::map)
                .list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, List<NewAllocation> allocations) {
        return spec.param(
                        "invoiceIds",
                        allocations.stream().map(NewAllocation::invoiceId).toArray(Long[]::new))
                .param(
                        "amounts",
                        allocations.stream()
                                .map(a -> a.amount().toPlainString())
                                .toArray(String[]::new))
                .param(
                        "dates",
                        allocations.stream()
                                .map(a -> a.allocatedOn().toString())
                                .toArray(String[]::new));
    }

    private static PaymentAllocation map(ResultSet rs, int row) throws SQLException {
        return new PaymentAllocation(
                rs.getLong("payment_id"),
                new Payment.Applied(
                        rs.getString("invoice_no"),
                        rs.getBigDecimal("amount"),
                        rs.getObject("allocated_on", LocalDate.class)));
    }
}
