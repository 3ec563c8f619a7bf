package org.creditdesk.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's movements per node and calendar month in one set-based statement. Like monitoring's
 * aging this reads the ledger's tables (invoice, allocation) read-only, because an aggregate over
 * millions of invoices must be one statement: each invoice adds its amount in its issue month, each
 * settlement takes its amount off in the month it took effect, a reversed (bounced) settlement puts
 * it back in the month of the reversal; what happened before the window is bucket 0. Invoices paid
 * off before the window add nothing and are skipped (their last settlement is before it). Amounts are
 * converted into the company currency at the newest stored rate on or before the date; an invoice in
 * a currency without a rate is left out.
 */
@Repository
class PlanActualsRepository {

    private static final String MOVEMENTS = """
            WITH base AS (SELECT base_currency FROM company_settings WHERE id = 1),
            rates AS (
                SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
                FROM exchange_rate r JOIN base b ON r.to_currency = b.base_currency
                WHERE r.valid_on <= CAST(:asOf AS date)
                ORDER BY r.from_currency, r.valid_on DESC
            ),
            inv AS (
                SELECT i.id, i.customer_id, coalesce(i.product_line, '-') AS product_line, i.issue_date,
                       i.amount * CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END AS amount,
                       CASE WHEN i.currency = b.base_currency THEN 1 ELSE r.rate END AS rate
                FROM invoice i
                CROSS JOIN base b
                LEFT JOIN rates r ON r.currency = i.currency
                LEFT JOIN open_item o ON o.id = i.id
                LEFT JOIN paid_item p ON p.id = i.id
                WHERE i.issue_date <= CAST(:asOf AS date)
                  AND (i.issue_date >= CAST(:windowStart AS date) OR o.id IS NOT NULL
                       OR o.last_allocated_on >= CAST(:windowStart AS date)
                       OR p.last_allocated_on >= CAST(:windowStart AS date))
                  {{CUSTOMER_FILTER}}
            ),
            events AS (
                SELECT inv.customer_id, inv.product_line, inv.issue_date AS on_date, inv.amount AS delta, TRUE AS sale
                FROM inv
                UNION ALL
                SELECT inv.customer_id, inv.product_line, a.allocated_on, -a.amount * inv.rate, FALSE
                FROM allocation a JOIN inv ON inv.id = a.invoice_id
                WHERE a.allocated_on <= CAST(:asOf AS date)
                UNION ALL
                SELECT inv.customer_id, inv.product_line, a.reversed_on, a.amount * inv.rate, FALSE
                FROM allocation a JOIN inv ON inv.id = a.invoice_id
                WHERE a.reversed_on <= CAST(:asOf AS date)
            ),
            bounds AS (SELECT CAST(:bounds AS date[]) AS lower_bounds),
            -- Materialised so that each event's bucket is computed once, not once per FILTER below.
            bucketed AS MATERIALIZED (
                SELECT e.customer_id, e.product_line, e.delta, e.sale,
                       width_bucket(e.on_date, bounds.lower_bounds) AS bucket
                FROM events e CROSS JOIN bounds
            )
            SELECT b.product_line, {{AREA}} AS area_code, {{CUSTOMER}} AS customer_code, {{NAME}} AS customer_name,
                   {{COLUMNS}}
            FROM bucketed b
            JOIN customer c ON c.id = b.customer_id
            WHERE coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[]))
            GROUP BY b.product_line{{GROUP}}
            """;

    private final JdbcClient jdbc;

    PlanActualsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NodeActuals> movements(Level level, MonthWindow window, String[] areas) {
        return jdbc.sql(statement(level, window.months(), false))
                .param("asOf", window.asOf().toString())
                .param("windowStart", window.start(1).toString())
                .param("bounds", window.lowerBounds())
                .param("areas", areas)
                .query((rs, n) -> row(rs, window.months()))
                .list();
    }

    /**
     * Every customer's movements per product line, one row at a time through a cursor (the caller's
     * transaction): at 100,000 customers the rows of a long window do not fit in a small heap at once.
     */
    void eachCustomer(MonthWindow window, java.util.function.Consumer<NodeActuals> each) {
        jdbc.sql(statement(Level.CUSTOMER, window.months(), false))
                .withFetchSize(1000)
                .param("asOf", window.asOf().toString())
                .param("windowStart", window.start(1).toString())
                .param("bounds", window.lowerBounds())
                .param("areas", new String[0])
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(row(rs, window.months())));
    }

    /** One customer's movements per product line (its monitoring: turnover against the plan's targets). */
    List<NodeActuals> movementsOf(long customerId, MonthWindow window) {
        return jdbc.sql(statement(Level.CUSTOMER, window.months(), true))
                .param("asOf", window.asOf().toString())
                .param("windowStart", window.start(1).toString())
                .param("bounds", window.lowerBounds())
                .param("areas", new String[0])
                .param("customerId", customerId)
                .query((rs, n) -> row(rs, window.months()))
                .list();
    }

    static String statement(Level level, int months, boolean oneCustomer) {
        StringBuilder columns = new StringBuilder();
        for (int j = 0; j <= months; j++) {
            columns.append("sum(b.delta) FILTER (WHERE b.bucket = ")
                    .append(j)
                    .append(") AS n")
                    .append(j)
                    .append(", ");
        }
        for (int j = 1; j <= months; j++) {
            columns.append("sum(b.delta) FILTER (WHERE b.bucket = ")
                    .append(j)
                    .append(" AND b.sale) AS s")
                    .append(j);
            if (j < months) columns.append(", ");
        }
        boolean area = level != Level.PRODUCT_LINE;
        boolean customer = level == Level.CUSTOMER;
        return MOVEMENTS
                .replace("{{AREA}}", area ? "c.area_code" : "CAST(NULL AS text)")
                .replace("{{CUSTOMER}}", customer ? "c.code" : "CAST(NULL AS text)")
                .replace("{{NAME}}", customer ? "c.name" : "CAST(NULL AS text)")
                .replace("{{GROUP}}", customer ? ", c.area_code, c.code, c.name" : area ? ", c.area_code" : "")
                .replace("{{COLUMNS}}", columns)
                .replace("{{CUSTOMER_FILTER}}", oneCustomer ? "AND i.customer_id = :customerId" : "");
    }

    private static NodeActuals row(ResultSet rs, int months) throws SQLException {
        BigDecimal[] net = new BigDecimal[months + 1];
        BigDecimal[] sales = new BigDecimal[months + 1];
        sales[0] = BigDecimal.ZERO;
        for (int j = 0; j <= months; j++) net[j] = orZero(rs.getBigDecimal("n" + j));
        for (int j = 1; j <= months; j++) sales[j] = orZero(rs.getBigDecimal("s" + j));
        return new NodeActuals(
                rs.getString("product_line"),
                rs.getString("area_code"),
                rs.getString("customer_code"),
                rs.getString("customer_name"),
                net,
                sales);
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
