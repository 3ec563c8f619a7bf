package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

    /** A payment as stored, before its allocations are attached. */
    record StoredPayment(long id, long customerId, Payment payment) {}

    private static final String INSERT = """
            INSERT INTO payment (payment_no, customer_id, received_on, amount, currency, method, cheque_no, unapplied)
            VALUES (:paymentNo, :customerId, :receivedOn, :amount, :currency, :method, :chequeNo, :unapplied)
            ON CONFLICT (payment_no) DO NOTHING
            RETURNING id
            """;
    private static final String COLUMNS = """
            SELECT p.id, p.customer_id, c.code AS customer_code, p.payment_no, p.received_on, p.amount, p.currency,
                   p.method, p.cheque_no, p.unapplied, p.status
            FROM payment p
            JOIN customer c ON c.id = p.customer_id
            """;
    private static final String BY_NO = COLUMNS + "WHERE p.payment_no = :paymentNo";
    private static final String OF_CUSTOMER = COLUMNS + """
            WHERE p.customer_id = :customerId
            ORDER BY p.received_on DESC, p.id DESC
            LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT_OF_CUSTOMER = "SELECT count(*) FROM payment WHERE customer_id = :customerId";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> insert(long customerId, Payment payment) {
        return jdbc.sql(INSERT)
                .param("paymentNo", payment.paymentNo())
                .param("customerId", customerId)
                .param("receivedOn", payment.receivedOn())
                .param("amount", payment.amount())
                .param("currency", payment.currency())
                .param("method", payment.method().name())
                .param("chequeNo", payment.chequeNo())
                .param("unapplied", payment.unapplied())
                .query(Long.class)
                .optional();
    }

    Optional<StoredPayment> findByNo(String paymentNo) {
        return jdbc.sql(BY_NO)
                .param("paymentNo", paymentNo)
                .query(PaymentRepository::map)
                .optional();
    }

    List<StoredPayment> ofCustomer(long customerId, int limit, long offset) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(PaymentRepository::map)
                .list();
    }

    long countOfCustomer(long customerId) {
        return jdbc.sql(COUNT_OF_CUSTOMER)
                .param("customerId", customerId)
                .query(Long.class)
                .single();
    }

    private static StoredPayment map(ResultSet rs, int row) throws SQLException {
        BigDecimal unapplied = rs.getBigDecimal("unapplied");
        return new StoredPayment(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                new Payment(
                        rs.getString("payment_no"),
                        rs.getString("customer_code"),
                        rs.getObject("received_on", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency").trim(),
                        PaymentMethod.valueOf(rs.getString("method")),
                        rs.getString("cheque_no"),
                        unapplied,
                        rs.getString("status"),
                        List.of()));
    }
}
