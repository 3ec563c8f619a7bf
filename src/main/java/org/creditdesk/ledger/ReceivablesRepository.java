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

    /*
     * One statement for the whole summary, in the customer's currency only: documents in another
     * currency are not converted at a guessed rate. Orders count by their current status. Settlements
     * are summed once per document and joined (not summed again per document from the whole list).
     */
    private static final String SUMMARY = """
            WITH customer_currency AS (
                SELECT currency FROM customer WHERE id = :customerId
            ),
            settled AS (
                SELECT a.invoice_id, a.payment_id, a.credit_note_id, a.amount
                FROM allocation a
                WHERE a.customer_id = :customerId
                  AND a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
            ),
            by_invoice AS (
                SELECT invoice_id, sum(amount) AS amount FROM settled WHERE invoice_id IS NOT NULL GROUP BY invoice_id
            ),
            by_payment AS (
                SELECT payment_id, sum(amount) AS amount FROM settled WHERE payment_id IS NOT NULL GROUP BY payment_id
            ),
            by_credit_note AS (
                SELECT credit_note_id, sum(amount) AS amount FROM settled WHERE credit_note_id IS NOT NULL
                GROUP BY credit_note_id
            ),
            open_items AS (
                SELECT i.due_date, i.amount - coalesce(s.amount, 0) AS open_amount
                FROM invoice i
                LEFT JOIN by_invoice s ON s.invoice_id = i.id
                WHERE i.customer_id = :customerId
                  AND i.currency = (SELECT currency FROM customer_currency)
                  AND i.issue_date <= CAST(:asOf AS date)
            ),
            unapplied AS (
                SELECT p.amount - coalesce(s.amount, 0) AS amount
                FROM payment p
                LEFT JOIN by_payment s ON s.payment_id = p.id
                WHERE p.customer_id = :customerId
                  AND p.currency = (SELECT currency FROM customer_currency)
                  AND p.received_on <= CAST(:asOf AS date)
                  AND (p.bounced_on IS NULL OR p.bounced_on > CAST(:asOf AS date))
                UNION ALL
                SELECT n.amount - coalesce(s.amount, 0)
                FROM credit_note n
                LEFT JOIN by_credit_note s ON s.credit_note_id = n.id
                WHERE n.customer_id = :customerId
                  AND n.currency = (SELECT currency FROM customer_currency)
                  AND n.issue_date <= CAST(:asOf AS date)
            )
            SELECT
                (SELECT coalesce(sum(open_amount), 0) FROM open_items WHERE open_amount > 0) AS open_receivables,
                (SELECT coalesce(sum(open_amount), 0) FROM open_items
                 WHERE open_amount > 0 AND due_date < CAST(:asOf AS date)) AS overdue_amount,
                (SELECT coalesce(max(CAST(:asOf AS date) - due_date), 0) FROM open_items
                 WHERE open_amount > 0 AND due_date < CAST(:asOf AS date)) AS max_days_overdue,
                (SELECT coalesce(sum(o.amount), 0) FROM sales_order o
                 WHERE o.customer_id = :customerId
                   AND o.currency = (SELECT currency FROM customer_currency)
                   AND o.status = 'RELEASED'
                   AND o.order_date <= CAST(:asOf AS date)) AS released_orders,
                (SELECT coalesce(sum(amount), 0) FROM unapplied) AS unapplied_cash
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
