package org.creditdesk.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InvoiceRepository {

    record StoredInvoice(long id, long customerId, Invoice invoice) {}

    // A new invoice is open for its whole amount (V92: open amounts live in open_item until paid in full).
    private static final String INSERT = """
            WITH written AS (
                INSERT INTO invoice (invoice_no, customer_id, order_no, issue_date, due_date, amount, currency,
                                     product_line)
                VALUES (:invoiceNo, :customerId, :orderNo, :issueDate, :dueDate, :amount, :currency, :productLine)
                ON CONFLICT (invoice_no) DO NOTHING
                RETURNING id, customer_id, issue_date, due_date, currency, product_line, amount
            ), opened AS (
                INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                       open_amount)
                SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, amount FROM written
            )
            SELECT id FROM written
            """;
    // A paid invoice has no open item: its open amount is 0.00.
    private static final String COLUMNS = """
            SELECT i.id, i.customer_id, c.code AS customer_code, i.invoice_no, i.order_no, i.issue_date, i.due_date,
                   i.amount, coalesce(o.open_amount, 0.00) AS open_amount, i.currency, i.product_line
            FROM invoice i
            JOIN customer c ON c.id = i.customer_id
            LEFT JOIN open_item o ON o.id = i.id
            """;
    private static final String BY_NO = COLUMNS + "WHERE i.invoice_no = :invoiceNo";
    /**
     * Locks are taken on the open items (the rows a settlement writes), always in id order so that two writers
     * on one customer never deadlock. The named invoices are read after the lock, in a statement of its own, so
     * that their open amounts are the ones the lock waited for (a join read in the locking statement would give
     * the open item's new version but another table's row as of the statement's start).
     */
    private static final String LOCK_NAMED_OPEN = """
            SELECT count(*) FROM (
                SELECT o.id FROM open_item o JOIN invoice i ON i.id = o.id
                WHERE i.invoice_no = ANY(CAST(:invoiceNos AS text[]))
                ORDER BY o.id
                FOR UPDATE OF o
            ) locked
            """;

    private static final String BY_NOS = COLUMNS + """
            WHERE i.invoice_no = ANY(CAST(:invoiceNos AS text[]))
            ORDER BY i.id
            """;
    private static final String LOCK_OPEN_OF_CUSTOMER = """
            SELECT i.id, i.customer_id, c.code AS customer_code, i.invoice_no, i.order_no, i.issue_date, i.due_date,
                   i.amount, o.open_amount, i.currency, i.product_line
            FROM open_item o
            JOIN invoice i ON i.id = o.id
            JOIN customer c ON c.id = i.customer_id
            WHERE o.customer_id = :customerId AND o.currency = :currency
            ORDER BY o.id
            FOR UPDATE OF o
            """;
    /**
     * A bank statement's bookings: the open items of the invoices it names and every open item of its paying
     * customers, only the columns the booking plans with (a statement of 100,000 credits locks some 135,000). The
     * named ones by the ids the invoice-number lookup found: probing the primary key for 100,000 invoices took 0.3 s
     * against 0.8 s for the invoice number's unique index (EXPLAIN ANALYZE on the 100,000-customer portfolio, loaded
     * machine). A named invoice that is paid (before, or while this waited for its lock) has no open item and is not
     * returned: the plan skips it either way. The named invoices' numbers came with that lookup; only the other items,
     * those of the customers settled oldest first, read theirs from invoice (session 14: the join for every locked item
     * read the invoice heap for some 85,000 numbers known already).
     */
    private static final String LOCK_FOR_BOOKING = """
            WITH locked AS (
                SELECT o.id, o.customer_id, o.issue_date, o.due_date, o.open_amount, o.currency
                FROM open_item o
                WHERE o.id = ANY(CAST(:invoiceIds AS bigint[])) OR o.customer_id = ANY(CAST(:customerIds AS bigint[]))
                ORDER BY o.id
                FOR UPDATE OF o
            )
            SELECT l.id, l.customer_id, l.issue_date, l.due_date, l.open_amount, l.currency,
                   CASE WHEN n.id IS NULL THEN (SELECT i.invoice_no FROM invoice i WHERE i.id = l.id) END AS invoice_no
            FROM locked l
            LEFT JOIN unnest(CAST(:invoiceIds AS bigint[])) AS n (id) ON n.id = l.id
            ORDER BY l.id
            """;
    /**
     * V93's settle_open_items: paid in full leaves open_item for paid_item, paid in part lowers the open amount.
     * Answers how many of the invoices were not open for what was settled (0 unless a caller settles more than it
     * locked as open).
     */
    private static final String SETTLE = """
            SELECT settle_open_items(CAST(:ids AS bigint[]), CAST(:amounts AS numeric[]), CAST(:dates AS date[]))
            """;

    private final JdbcClient jdbc;

    InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> insert(long customerId, Invoice invoice) {
        return jdbc.sql(INSERT)
                .param("invoiceNo", invoice.invoiceNo())
                .param("customerId", customerId)
                .param("orderNo", invoice.orderNo())
                .param("issueDate", invoice.issueDate())
                .param("dueDate", invoice.dueDate())
                .param("amount", invoice.amount())
                .param("currency", invoice.currency())
                .param("productLine", invoice.productLine())
                .query(Long.class)
                .optional();
    }

    Optional<StoredInvoice> findByNo(String invoiceNo) {
        return jdbc.sql(BY_NO)
                .param("invoiceNo", invoiceNo)
                .query(InvoiceRepository::map)
                .optional();
    }

    List<StoredInvoice> lockByNos(Collection<String> invoiceNos) {
        String[] nos = invoiceNos.toArray(String[]::new);
        jdbc.sql(LOCK_NAMED_OPEN).param("invoiceNos", nos).query(Long.class).single();
        return jdbc.sql(BY_NOS)
                .param("invoiceNos", nos)
                .query(InvoiceRepository::map)
                .list();
    }

    List<StoredInvoice> lockOpenOfCustomer(long customerId, String currency) {
        return jdbc.sql(LOCK_OPEN_OF_CUSTOMER)
                .param("customerId", customerId)
                .param("currency", currency)
                .query(InvoiceRepository::map)
                .list();
    }

    /**
     * Locks the open items of the named invoices ({@code named}: id to invoice number, as looked up) and every open
     * item of the customers, in id order.
     */
    List<BankBooking.OpenItem> lockForBooking(Map<Long, String> named, Collection<Long> customerIds) {
        // One String per currency code, not one per row: a statement of 100,000 credits locks some 110,000 rows
        // inside the server's -Xmx512m.
        Map<String, String> currencies = new HashMap<>();
        return jdbc.sql(LOCK_FOR_BOOKING)
                .param("invoiceIds", named.keySet().toArray(Long[]::new))
                .param("customerIds", customerIds.toArray(Long[]::new))
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    String invoiceNo = rs.getString("invoice_no");
                    return new BankBooking.OpenItem(
                            id,
                            rs.getLong("customer_id"),
                            invoiceNo == null ? named.get(id) : invoiceNo,
                            rs.getObject("issue_date", LocalDate.class),
                            rs.getObject("due_date", LocalDate.class),
                            rs.getBigDecimal("open_amount"),
                            currencies.computeIfAbsent(rs.getString("currency"), c -> c));
                })
                .list();
    }

    void settle(List<AllocationRepository.NewAllocation> allocations) {
        if (allocations.isEmpty()) return;
        long notOpen = jdbc.sql(SETTLE)
                .param(
                        "ids",
                        allocations.stream()
                                .map(AllocationRepository.NewAllocation::invoiceId)
                                .toArray(Long[]::new))
                .param(
                        "amounts",
                        allocations.stream()
                                .map(a -> a.amount().toPlainString())
                                .toArray(String[]::new))
                .param(
                        "dates",
                        allocations.stream()
                                .map(a -> a.allocatedOn().toString())
                                .toArray(String[]::new))
                .query(Long.class)
                .single();
        if (notOpen != 0) {
            throw new IllegalStateException(notOpen + " invoice(s) settled beyond what was open");
        }
    }

    private static StoredInvoice map(ResultSet rs, int row) throws SQLException {
        return new StoredInvoice(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                new Invoice(
                        rs.getString("invoice_no"),
                        rs.getString("customer_code"),
                        rs.getString("order_no"),
                        rs.getObject("issue_date", LocalDate.class),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("open_amount"),
                        rs.getString("currency").trim(),
                        rs.getString("product_line")));
    }
}
