package org.creditdesk.collections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the ledger's invoices through the collections_invoice view (V51), locking them when asked. */
@Repository
class InvoiceReadRepository {

    record Located(InvoiceRef invoice, String customerCode, String areaCode) {}

    private static final String BY_NO = """
            SELECT i.id, i.invoice_no, i.customer_id, i.issue_date, i.due_date, i.amount, i.open_amount, i.currency,
                   c.code, c.area_code
            FROM collections_invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.invoice_no = :invoiceNo
            """;
    private static final String OF_CUSTOMER = """
            SELECT i.id, i.invoice_no, i.customer_id, i.issue_date, i.due_date, i.amount, i.open_amount, i.currency
            FROM collections_invoice i
            WHERE i.customer_id = :customerId AND i.invoice_no = ANY(:invoiceNos)
            """;
    private static final String OPEN_OF_CUSTOMER = """
            SELECT i.id, i.invoice_no, i.customer_id, i.issue_date, i.due_date, i.amount, i.open_amount, i.currency
            FROM collections_open_invoice i
            WHERE i.customer_id = :customerId
            ORDER BY i.due_date, i.invoice_no
            """;
    private static final String OPEN_TOTAL = """
            SELECT coalesce(sum(i.open_amount), 0) FROM collections_open_invoice i
            WHERE i.customer_id = :customerId AND i.currency = :currency
            """;
    private static final String LOCK = "SELECT id FROM invoice WHERE id = :id FOR UPDATE";

    private final JdbcClient jdbc;

    InvoiceReadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Located> byNo(String invoiceNo) {
        return jdbc.sql(BY_NO)
                .param("invoiceNo", invoiceNo)
                .query((rs, n) -> new Located(map(rs, n), rs.getString("code"), rs.getString("area_code")))
                .optional();
    }

    List<InvoiceRef> ofCustomer(long customerId, Collection<String> invoiceNos) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .param("invoiceNos", invoiceNos.toArray(String[]::new))
                .query(InvoiceReadRepository::map)
                .list();
    }

    List<InvoiceRef> openOf(long customerId) {
        return jdbc.sql(OPEN_OF_CUSTOMER)
                .param("customerId", customerId)
                .query(InvoiceReadRepository::map)
                .list();
    }

    java.math.BigDecimal openTotal(long customerId, String currency) {
        return jdbc.sql(OPEN_TOTAL)
                .param("customerId", customerId)
                .param("currency", currency)
                .query(java.math.BigDecimal.class)
                .single();
    }

    /** Serialises changes that depend on the invoice's open amount (disputes, their resolution). */
    void lock(long invoiceId) {
        jdbc.sql(LOCK).param("id", invoiceId).query(Long.class).single();
    }

    static InvoiceRef map(ResultSet rs, int row) throws SQLException {
        return new InvoiceRef(
                rs.getLong("id"),
                rs.getString("invoice_no"),
                rs.getLong("customer_id"),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("open_amount"),
                rs.getString("currency").trim());
    }
}
