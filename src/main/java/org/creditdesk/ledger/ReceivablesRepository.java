package org.creditdesk.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.ReceivablesSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Receivables as of any business date, rebuilt from the documents and their allocations rather than
 * from the current open amounts, so yesterday's figures can be replayed today.
 */
@Repository
class ReceivablesRepository {

    // An allocation counts on D if it took effect by D and was not reversed (a bounce) by D.
    private static final String OPEN_ITEMS = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.customer_id = :customerId
                  AND a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            )
            SELECT i.invoice_no, i.issue_date, i.due_date, i.amount, i.amount - coalesce(s.amount, 0) AS open_amount,
                   i.currency, i.product_line, greatest(CAST(:asOf AS date) - i.due_date, 0) AS days_overdue,
                   least(coalesce(d.disputed_amount, 0.00), i.amount - coalesce(s.amount, 0)) AS disputed_amount,
                   pr.predicted_pay_date, pr.late_probability
            FROM invoice i
            LEFT JOIN settled s ON s.invoice_id = i.id
            LEFT JOIN invoice_disputed_amounts(CAST(:asOf AS date)) d ON d.invoice_id = i.id
            LEFT JOIN invoice_payment_predictions() pr ON pr.invoice_id = i.id
            WHERE i.customer_id = :customerId
              AND i.issue_date <= CAST(:asOf AS date)
              AND i.amount - coalesce(s.amount, 0) > 0
            ORDER BY i.due_date, i.issue_date, i.invoice_no
            """;

    // One statement for the whole summary: the function the ledger publishes (V114), planned once per connection.
    private static final String SUMMARY = """
            SELECT open_receivables, overdue_amount, max_days_overdue, released_orders, unapplied_cash
            FROM ledger_receivables_summary(:customerId, CAST(:asOf AS date))
            """;
    private final JdbcClient jdbc;

    ReceivablesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OpenItem> openItems(long customerId, LocalDate asOf) {
        return jdbc.sql(OPEN_ITEMS)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .query(ReceivablesRepository::openItem)
                .list();
    }

    ReceivablesSummary summary(long customerId, LocalDate asOf) {
        return jdbc.sql(SUMMARY)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .query((rs, n) -> new ReceivablesSummary(
                        rs.getBigDecimal("open_receivables"),
                        rs.getBigDecimal("overdue_amount"),
                        rs.getInt("max_days_overdue"),
                        rs.getBigDecimal("released_orders"),
                        rs.getBigDecimal("unapplied_cash")))
                .single();
    }

    private static OpenItem openItem(ResultSet rs, int row) throws SQLException {
        return new OpenItem(
                rs.getString("invoice_no"),
                rs.getObject("issue_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getBigDecimal("open_amount"),
                rs.getString("currency").trim(),
                rs.getString("product_line"),
                rs.getInt("days_overdue"),
                rs.getBigDecimal("disputed_amount"),
                rs.getObject("predicted_pay_date", LocalDate.class),
                rs.getBigDecimal("late_probability"));
    }
}
