package org.creditdesk.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demo's bank statements pay: open invoices of the loaded portfolio with the payer's account. */
@Repository
class DemoBankRepository {

    // Demo set-up only: reads the ledger's and customers' tables directly, once.
    private static final String OPEN_INVOICES = """
            SELECT c.code, c.name, i.currency, i.invoice_no, o.open_amount, i.due_date,
                   (SELECT b.account_no FROM customer_bank_account b WHERE b.customer_id = c.id
                    ORDER BY b.position LIMIT 1) AS account
            FROM open_item o JOIN invoice i ON i.id = o.id JOIN customer c ON c.id = i.customer_id
            WHERE i.currency = c.currency AND i.issue_date < :before
            ORDER BY i.due_date, i.id
            LIMIT :limit
            """;

    record OpenInvoice(
            String customerCode,
            String customerName,
            String currency,
            String invoiceNo,
            BigDecimal open,
            LocalDate dueDate,
            @Nullable String account) {}

    private final JdbcClient jdbc;

    DemoBankRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenInvoice> openInvoices(LocalDate issuedBefore, int limit) {
        return jdbc.sql(OPEN_INVOICES)
                .param("before", issuedBefore)
                .param("limit", limit)
                .query((rs, n) -> new OpenInvoice(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("currency"),
                        rs.getString("invoice_no"),
                        rs.getBigDecimal("open_amount"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getString("account")))
                .list();
    }
}
