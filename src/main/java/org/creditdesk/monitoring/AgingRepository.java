package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aging as of one or many dates, straight from the ledger's tables (invoice, allocation) and the
 * customer master. This is a deliberate, read-only exception to "modules talk through facades": an
 * aggregate over millions of invoices must be one set-based statement, and the ledger's facades answer
 * per customer. The statement mirrors the ledger's own open-items rule (ReceivablesRepository): an
 * invoice counts on D if issued by D, with its amount less the allocations that took effect by D and
 * were not reversed (bounced) by D. Monitoring never writes these tables. The disputed part comes from
 * collections' published {@code invoice_disputed_amounts(asOf)}.
 */
@Repository
class AgingRepository {

    /** One aggregated cell: a group's open amount in one bucket and currency as of a date. */
    record Cell(
            LocalDate asOf,
            @Nullable String groupKey,
            @Nullable String groupName,
            String currency,
            String bucket,
            BigDecimal amount,
            BigDecimal disputed) {

        /** The cell of a row with the columns every aging statement answers; {@code asOf} null = its as_of. */
        static Cell of(java.sql.ResultSet rs, @Nullable LocalDate asOf) throws java.sql.SQLException {
            return new Cell(
                    asOf != null ? asOf : rs.getObject("as_of", LocalDate.class),
                    rs.getString("group_key"),
                    rs.getString("group_name"),
                    rs.getString("currency").trim(),
                    rs.getString("bucket"),
                    rs.getBigDecimal("amount"),
                    rs.getBigDecimal("disputed"));
        }
    }

    private static final String BUCKETS = """
            SELECT code, label, from_days, to_days
            FROM aging_bucket
            ORDER BY position
            """;

    /*
     * Several dates in one pass (the 12-month trend): allocations are matched to every date they
     * count on, so the statement stays set-based however many dates are asked for. :groupBy is an
     * AgingGrouping name; the CASE keeps one statement for all groupings.
     */
    private static final String AGING = """
            WITH dates AS (
                SELECT DISTINCT CAST(d AS date) AS as_of FROM unnest(CAST(:dates AS text[])) AS d
            ),
            settled AS (
                SELECT d.as_of, a.invoice_id, sum(a.amount) AS amount
                FROM dates d
                JOIN allocation a ON a.allocated_on <= d.as_of AND (a.reversed_on IS NULL OR a.reversed_on > d.as_of)
                GROUP BY d.as_of, a.invoice_id
            ),
            disputed AS (
                SELECT d.as_of, f.invoice_id, f.disputed_amount
                FROM dates d CROSS JOIN LATERAL invoice_disputed_amounts(d.as_of) f
            ),
            open_items AS (
                SELECT d.as_of, i.customer_id, i.product_line, i.currency,
                       greatest(d.as_of - i.due_date, 0) AS days_overdue,
                       i.amount - coalesce(s.amount, 0) AS open_amount,
                       coalesce(x.disputed_amount, 0.00) AS disputed_amount
                FROM dates d
                JOIN invoice i ON i.issue_date <= d.as_of
                LEFT JOIN settled s ON s.as_of = d.as_of AND s.invoice_id = i.id
                LEFT JOIN disputed x ON x.as_of = d.as_of AND x.invoice_id = i.id
            )
            SELECT o.as_of,
                   CASE :groupBy
                       WHEN 'AREA' THEN c.area_code
                       WHEN 'PRODUCT_LINE' THEN o.product_line
                       WHEN 'SALES_REP' THEN c.sales_rep
                       WHEN 'CUSTOMER' THEN c.code
                       ELSE c.business_group
                   END AS group_key,
                   CASE :groupBy
                       WHEN 'AREA' THEN ar.name
                       WHEN 'PRODUCT_LINE' THEN pl.name
                       WHEN 'SALES_REP' THEN sr.name
                       WHEN 'CUSTOMER' THEN c.name
                       ELSE c.business_group
                   END AS group_name,
                   o.currency, b.code AS bucket, sum(o.open_amount) AS amount,
                   sum(least(o.disputed_amount, o.open_amount)) AS disputed
            FROM open_items o
            JOIN customer c ON c.id = o.customer_id
            JOIN area ar ON ar.code = c.area_code
            LEFT JOIN sales_rep sr ON sr.code = c.sales_rep
            LEFT JOIN product_line pl ON pl.code = o.product_line
            JOIN aging_bucket b ON o.days_overdue >= b.from_days AND (b.to_days IS NULL OR o.days_overdue <= b.to_days)
            WHERE o.open_amount > 0
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            GROUP BY o.as_of, group_key, group_name, o.currency, b.code
            ORDER BY o.as_of, group_key NULLS LAST, o.currency, b.code
            """;

    /*
     * The same aging from the ledger's current open amounts: equal to AGING for a date on or after the
     * last allocation or reversal (open_item.open_amount is the amount less every allocation not reversed),
     * without replaying the allocation history. Invoices issued after the date do not count.
     */
    private static final String AGING_FROM_OPEN_AMOUNTS = """
            SELECT CAST(:asOf AS date) AS as_of,
                   CASE :groupBy
                       WHEN 'AREA' THEN c.area_code
                       WHEN 'PRODUCT_LINE' THEN i.product_line
                       WHEN 'SALES_REP' THEN c.sales_rep
                       WHEN 'CUSTOMER' THEN c.code
                       ELSE c.business_group
                   END AS group_key,
                   CASE :groupBy
                       WHEN 'AREA' THEN ar.name
                       WHEN 'PRODUCT_LINE' THEN pl.name
                       WHEN 'SALES_REP' THEN sr.name
                       WHEN 'CUSTOMER' THEN c.name
                       ELSE c.business_group
                   END AS group_name,
                   i.currency, b.code AS bucket, sum(i.open_amount) AS amount,
                   sum(least(coalesce(x.disputed_amount, 0.00), i.open_amount)) AS disputed
            FROM open_item i
            LEFT JOIN invoice_disputed_amounts(CAST(:asOf AS date)) x ON x.invoice_id = i.id
            JOIN customer c ON c.id = i.customer_id
            JOIN area ar ON ar.code = c.area_code
            LEFT JOIN sales_rep sr ON sr.code = c.sales_rep
            LEFT JOIN product_line pl ON pl.code = i.product_line
            JOIN aging_bucket b ON greatest(CAST(:asOf AS date) - i.due_date, 0) >= b.from_days
                AND (b.to_days IS NULL OR greatest(CAST(:asOf AS date) - i.due_date, 0) <= b.to_days)
            WHERE i.issue_date <= CAST(:asOf AS date)
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            GROUP BY group_key, group_name, i.currency, b.code
            ORDER BY group_key NULLS LAST, i.currency, b.code
            """;

    /*
     * The aging page's live figures in one pass over the open invoices (AGING_FROM_OPEN_AMOUNTS's rule): the
     * requested grouping's cells (part REPORT) and the areas' cells (part AREA, the page's chart and, summed, the
     * trend's point of the date), both aggregated from the same per-group cells; the customer grouping adds the
     * customer to those cells.
     */
    private static final String PAGE_FROM_OPEN_AMOUNTS = """
            WITH cells AS MATERIALIZED (
                SELECT c.area_code, ar.name AS area_name, c.business_group, c.sales_rep, sr.name AS sales_rep_name,
                       i.product_line, pl.name AS product_line_name%1$s, i.currency, b.code AS bucket,
                       sum(i.open_amount) AS amount,
                       sum(least(coalesce(x.disputed_amount, 0.00), i.open_amount)) AS disputed
                FROM open_item i
                LEFT JOIN invoice_disputed_amounts(CAST(:asOf AS date)) x ON x.invoice_id = i.id
                JOIN customer c ON c.id = i.customer_id
                JOIN area ar ON ar.code = c.area_code
                LEFT JOIN sales_rep sr ON sr.code = c.sales_rep
                LEFT JOIN product_line pl ON pl.code = i.product_line
                JOIN aging_bucket b ON greatest(CAST(:asOf AS date) - i.due_date, 0) >= b.from_days
                    AND (b.to_days IS NULL OR greatest(CAST(:asOf AS date) - i.due_date, 0) <= b.to_days)
                WHERE i.issue_date <= CAST(:asOf AS date)
                  AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0
                       OR c.area_code = ANY(CAST(:areas AS text[])))
                GROUP BY c.area_code, ar.name, c.business_group, c.sales_rep, sr.name, i.product_line, pl.name%4$s,
                         i.currency, b.code
            )
            SELECT * FROM (
                SELECT 'AREA' AS part, area_code AS group_key, area_name AS group_name, currency, bucket,
                       sum(amount) AS amount, sum(disputed) AS disputed
                FROM cells
                GROUP BY area_code, area_name, currency, bucket
                UNION ALL
                SELECT 'REPORT',
                       CASE :groupBy
                           WHEN 'AREA' THEN area_code
                           WHEN 'PRODUCT_LINE' THEN product_line
                           WHEN 'SALES_REP' THEN sales_rep
                           WHEN 'CUSTOMER' THEN %2$s
                           ELSE business_group
                       END AS group_key,
                       CASE :groupBy
                           WHEN 'AREA' THEN area_name
                           WHEN 'PRODUCT_LINE' THEN product_line_name
                           WHEN 'SALES_REP' THEN sales_rep_name
                           WHEN 'CUSTOMER' THEN %3$s
                           ELSE business_group
                       END AS group_name,
                       currency, bucket, sum(amount), sum(disputed)
                FROM cells
                GROUP BY 2, 3, currency, bucket
            ) p
            ORDER BY part, group_key NULLS LAST, currency, bucket
            """;

    /** The requested grouping's and the areas' cells of one date, from one pass ({@link #pageFromOpenAmounts}). */
    record PageCells(List<Cell> report, List<Cell> areas) {}

    /*
     * One customer's aging on a few dates computed live (the risk page's months without a snapshot): the
     * same as-of rule as AGING, restricted to the customer's invoices in one currency (index on customer).
     */
    private static final String CUSTOMER_AGING = """
            WITH dates AS (
                SELECT DISTINCT CAST(d AS date) AS as_of FROM unnest(CAST(:dates AS text[])) AS d
            ),
            open_items AS (
                SELECT d.as_of, greatest(d.as_of - i.due_date, 0) AS days_overdue,
                       i.amount - coalesce((SELECT sum(a.amount) FROM allocation a
                                            WHERE a.invoice_id = i.id AND a.allocated_on <= d.as_of
                                              AND (a.reversed_on IS NULL OR a.reversed_on > d.as_of)), 0) AS open_amount
                FROM dates d
                JOIN invoice i ON i.customer_id = :customerId AND i.currency = :currency AND i.issue_date <= d.as_of
            )
            SELECT o.as_of, b.code AS bucket, sum(o.open_amount) AS amount
            FROM open_items o
            JOIN aging_bucket b ON o.days_overdue >= b.from_days AND (b.to_days IS NULL OR o.days_overdue <= b.to_days)
            WHERE o.open_amount > 0
            GROUP BY o.as_of, b.code
            """;

    /** The newest date on which an allocation took effect or was reversed (the ledger's published function). */
    static final String LAST_SETTLEMENT_CHANGE = "SELECT ledger_last_settlement_change()";

    private final JdbcClient jdbc;

    AgingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One customer's aging in one currency on the dates, computed from the ledger. */
    List<AgingSnapshotRepository.CustomerCell> customerAging(long customerId, String currency, List<LocalDate> dates) {
        if (dates.isEmpty()) return List.of();
        return jdbc.sql(CUSTOMER_AGING)
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("customerId", customerId)
                .param("currency", currency)
                .query((rs, n) -> new AgingSnapshotRepository.CustomerCell(
                        rs.getObject("as_of", LocalDate.class), rs.getString("bucket"), rs.getBigDecimal("amount")))
                .list();
    }

    AgingBuckets buckets() {
        return new AgingBuckets(jdbc.sql(BUCKETS)
                .query((rs, n) -> new AgingBucket(
                        rs.getString("code"),
                        rs.getString("label"),
                        rs.getInt("from_days"),
                        rs.getObject("to_days", Integer.class)))
                .list());
    }

    List<Cell> aging(List<LocalDate> dates, AgingGrouping grouping, String[] areas) {
        return jdbc.sql(AGING)
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query((rs, n) -> Cell.of(rs, null))
                .list();
    }

    /** Whether {@link #agingFromOpenAmounts} answers for {@code asOf}: nothing settled or reversed after it. */
    boolean openAmountsHold(LocalDate asOf) {
        LocalDate last = jdbc.sql(LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        return last == null || !last.isAfter(asOf);
    }

    /** As {@link #agingFromOpenAmounts} for the grouping and for AREA at once: one pass over the open invoices. */
    PageCells pageFromOpenAmounts(LocalDate asOf, AgingGrouping grouping, String[] areas) {
        boolean byCustomer = grouping == AgingGrouping.CUSTOMER;
        String sql = PAGE_FROM_OPEN_AMOUNTS.formatted(
                byCustomer ? ", c.code AS customer_code, c.name AS customer_name" : "",
                byCustomer ? "customer_code" : "NULL",
                byCustomer ? "customer_name" : "NULL",
                byCustomer ? ", c.code, c.name" : "");
        List<Cell> report = new java.util.ArrayList<>();
        List<Cell> byArea = new java.util.ArrayList<>();
        jdbc.sql(sql)
                .param("asOf", asOf)
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query(rs -> {
                    Cell cell = Cell.of(rs, asOf);
                    ("AREA".equals(rs.getString("part")) ? byArea : report).add(cell);
                });
        return new PageCells(report, byArea);
    }

    List<Cell> agingFromOpenAmounts(LocalDate asOf, AgingGrouping grouping, String[] areas) {
        return jdbc.sql(AGING_FROM_OPEN_AMOUNTS)
                .param("asOf", asOf)
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query((rs, n) -> Cell.of(rs, null))
                .list();
    }
}
