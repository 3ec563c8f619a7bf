package org.creditdesk.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures the credit check needs from the ledger, each one statement: current totals per
 * customer and currency (set-based, for rebuilding the credit module's running totals), cheques not
 * yet cleared, and the invoices overdue beyond a cut-off as of a date.
 */
@Repository
class BalanceRepository {

    // One template, two statements: a filter by id that the planner can use, or none at all.
    private static final String BALANCES_TEMPLATE = """
            SELECT customer_id, currency, sum(open_receivables) AS open_receivables,
                   sum(released_orders) AS released_orders, sum(unapplied_credit) AS unapplied_credit
            FROM (
                SELECT customer_id, currency, open_amount AS open_receivables, 0 AS released_orders, 0 AS unapplied_credit
                FROM invoice
                WHERE open_amount > 0 /*customers*/
                UNION ALL
                SELECT customer_id, currency, 0, amount, 0
                FROM sales_order
                WHERE status = 'RELEASED' /*customers*/
                UNION ALL
                SELECT customer_id, currency, 0, 0, unapplied
                FROM payment
                WHERE status = 'RECEIVED' AND unapplied > 0 /*customers*/
                UNION ALL
                SELECT customer_id, currency, 0, 0, unapplied
                FROM credit_note
                WHERE unapplied > 0 /*customers*/
            ) AS documents
            GROUP BY customer_id, currency
            ORDER BY customer_id, currency
            """;
    private static final String BALANCES_OF =
            BALANCES_TEMPLATE.replace("/*customers*/", "AND customer_id = ANY(CAST(:ids AS bigint[]))");
    private static final String BALANCES_OF_ALL = BALANCES_TEMPLATE.replace("/*customers*/", "");

    // Cheques received in (asOf - clearingDays, asOf] and not bounced: the bank may still return them.
    private static final String UNCLEARED_CHEQUES = """
            SELECT currency, sum(amount) AS amount
            FROM payment
            WHERE customer_id = :customerId
              AND method = 'CHEQUE'
              AND status = 'RECEIVED'
              AND received_on > CAST(:asOf AS date) - :clearingDays
              AND received_on <= CAST(:asOf AS date)
            GROUP BY currency
            ORDER BY currency
            """;

    /*
     * Invoices open as of :asOf and due before :cutoff, with the part under dispute then. Rebuilding every invoice's history would be a
     * from-scratch sum, so only candidates are rebuilt: invoices open now, and those whose allocations
     * differ between :asOf and now (settled after :asOf, or a settlement reversed after it).
     */
    private static final String OVERDUE = """
            WITH candidates AS (
                SELECT id FROM invoice
                WHERE customer_id = :customerId AND open_amount > 0 AND due_date < CAST(:cutoff AS date)
                UNION
                SELECT invoice_id FROM allocation
                WHERE customer_id = :customerId
                  AND (allocated_on > CAST(:asOf AS date) OR reversed_on > CAST(:asOf AS date))
            ),
            settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                JOIN candidates c ON c.id = a.invoice_id
                WHERE a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            )
            SELECT i.invoice_no, i.issue_date, i.due_date, i.amount, i.amount - coalesce(s.amount, 0) AS open_amount,
                   i.currency, i.product_line, CAST(:asOf AS date) - i.due_date AS days_overdue,
                   least(coalesce(d.disputed_amount, 0.00), i.amount - coalesce(s.amount, 0)) AS disputed_amount
            FROM invoice i
            JOIN candidates c ON c.id = i.id
            LEFT JOIN settled s ON s.invoice_id = i.id
            LEFT JOIN invoice_disputed_amounts(CAST(:asOf AS date)) d ON d.invoice_id = i.id
            WHERE i.due_date < CAST(:cutoff AS date)
              AND i.issue_date <= CAST(:asOf AS date)
              AND i.amount - coalesce(s.amount, 0) > 0
            ORDER BY i.due_date, i.invoice_no
            """;

    // What a contract's line carries: its released orders and the open invoices billing its orders.
    private static final String CONTRACT_EXPOSURE = """
            SELECT currency, sum(open_receivables) AS open_receivables, sum(released_orders) AS released_orders
            FROM (
                SELECT o.currency, 0 AS open_receivables, o.amount AS released_orders
                FROM sales_order o
                WHERE o.customer_id = :customerId AND o.contract_no = :contractNo AND o.status = 'RELEASED'
                UNION ALL
                SELECT i.currency, i.open_amount, 0
                FROM invoice i
                JOIN sales_order o ON o.order_no = i.order_no AND o.customer_id = i.customer_id
                WHERE i.customer_id = :customerId AND o.contract_no = :contractNo AND i.open_amount > 0
            ) AS drawn
            GROUP BY currency
            ORDER BY currency
            """;

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals of these customers, or of every customer when {@code customerIds} is null. */
    List<LedgerBalance> balances(@Nullable Collection<Long> customerIds) {
        var statement = customerIds == null
                ? jdbc.sql(BALANCES_OF_ALL)
                : jdbc.sql(BALANCES_OF).param("ids", customerIds.toArray(Long[]::new));
        return statement
                .query((rs, n) -> new LedgerBalance(
                        rs.getLong("customer_id"),
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("open_receivables"),
                        rs.getBigDecimal("released_orders"),
                        rs.getBigDecimal("unapplied_credit")))
                .list();
    }

    List<Money> unclearedCheques(long customerId, LocalDate asOf, int clearingDays) {
        return jdbc.sql(UNCLEARED_CHEQUES)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .param("clearingDays", clearingDays)
                .query((rs, n) -> Money.of(
                        rs.getBigDecimal("amount"), rs.getString("currency").trim()))
                .list();
    }

    List<OpenItem> overdue(long customerId, LocalDate asOf, LocalDate cutoff) {
        return jdbc.sql(OVERDUE)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .param("cutoff", cutoff)
                .query((rs, n) -> new OpenItem(
                        rs.getString("invoice_no"),
                        rs.getObject("issue_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("open_amount"),
                        rs.getString("currency").trim(),
                        rs.getString("product_line"),
                        rs.getInt("days_overdue"),
                        rs.getBigDecimal("disputed_amount"),
                        null,
                        null))
                .list();
    }

    List<LedgerBalance> contractExposure(long customerId, String contractNo) {
        return jdbc.sql(CONTRACT_EXPOSURE)
                .param("customerId", customerId)
                .param("contractNo", contractNo)
                .query((rs, n) -> new LedgerBalance(
                        customerId,
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("open_receivables"),
                        rs.getBigDecimal("released_orders"),
                        java.math.BigDecimal.ZERO))
                .list();
    }
}
