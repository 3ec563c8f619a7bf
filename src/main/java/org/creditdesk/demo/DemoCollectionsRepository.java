package org.creditdesk.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the collections demo needs to know of the loaded portfolio: the larger customers and their open invoices. */
@Repository
class DemoCollectionsRepository {

    record LargeCustomer(String code, String area, BigDecimal open, int maxDaysOverdue) {}

    record OpenInvoice(String invoiceNo, BigDecimal openAmount) {}

    record Received(LocalDate on, BigDecimal amount) {}

    // The customers with the largest open receivables in each area, by area and rank.
    private static final String LARGEST = """
            WITH open_by_customer AS (
                SELECT c.code, c.area_code, sum(i.open_amount) AS open,
                       coalesce(max(CAST(:today AS date) - i.due_date) FILTER (WHERE i.due_date < :today), 0) AS max_days,
                       row_number() OVER (PARTITION BY c.area_code ORDER BY sum(i.open_amount) DESC, c.code) AS rank
                FROM customer c JOIN open_item i ON i.customer_id = c.id
                GROUP BY c.code, c.area_code
            )
            SELECT code, area_code, open, max_days FROM open_by_customer WHERE rank <= :perArea
            ORDER BY area_code, rank
            """;
    private static final String OPEN_INVOICES = """
            SELECT i.invoice_no, o.open_amount
            FROM open_item o JOIN invoice i ON i.id = o.id JOIN customer c ON c.id = i.customer_id
            WHERE c.code = :code AND i.issue_date <= :today
            ORDER BY o.open_amount DESC, i.invoice_no
            LIMIT :limit
            """;
    private static final String LAST_PAYMENT = """
            SELECT p.received_on, p.amount
            FROM payment p JOIN customer c ON c.id = p.customer_id
            WHERE c.code = :code AND p.status = 'RECEIVED' AND p.received_on BETWEEN :from AND :to
            ORDER BY p.received_on DESC, p.payment_no
            LIMIT 1
            """;

    private final JdbcClient jdbc;

    DemoCollectionsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<LargeCustomer> largest(LocalDate today, int perArea) {
        return jdbc.sql(LARGEST)
                .param("today", today)
                .param("perArea", perArea)
                .query((rs, n) -> new LargeCustomer(
                        rs.getString("code"),
                        rs.getString("area_code"),
                        rs.getBigDecimal("open"),
                        rs.getInt("max_days")))
                .list();
    }

    List<OpenInvoice> openInvoices(String code, LocalDate today, int limit) {
        return jdbc.sql(OPEN_INVOICES)
                .param("code", code)
                .param("today", today)
                .param("limit", limit)
                .query((rs, n) -> new OpenInvoice(rs.getString("invoice_no"), rs.getBigDecimal("open_amount")))
                .list();
    }

    Optional<Received> lastPayment(String code, LocalDate from, LocalDate to) {
        return jdbc.sql(LAST_PAYMENT)
                .param("code", code)
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new Received(rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("amount")))
                .optional();
    }
}
