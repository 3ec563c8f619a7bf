package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cash forecast's one statement over the stored predictions, per week and area or product line. */
@Repository
class CashForecastRepository {

    // Week n holds dates asOf + 7n .. asOf + 7n + 6; what is already overdue falls into week 0.
    private static final String CELLS = """
            WITH p AS (
                SELECT CASE WHEN :groupBy = 'productLine' THEN coalesce(i.product_line, '-') ELSE c.area_code END AS key,
                       greatest(0, (p.predicted_pay_date - CAST(:asOf AS date)) / 7) AS expected_week,
                       greatest(0, (p.due_date - CAST(:asOf AS date)) / 7) AS due_week,
                       p.open_amount
                FROM invoice_prediction p
                JOIN customer c ON c.id = p.customer_id
                JOIN invoice i ON i.id = p.invoice_id
                WHERE p.currency = :currency
                  AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            )
            SELECT w.week, p.key,
                   coalesce(sum(p.open_amount) FILTER (WHERE p.expected_week = w.week), 0) AS expected,
                   coalesce(sum(p.open_amount) FILTER (WHERE p.due_week = w.week), 0) AS due
            FROM generate_series(0, :weeks - 1) AS w (week)
            JOIN p ON p.expected_week = w.week OR p.due_week = w.week
            GROUP BY w.week, p.key
            ORDER BY w.week, p.key
            """;

    private static final String PREDICTED_AS_OF = "SELECT as_of FROM invoice_prediction LIMIT 1";

    record Cell(int week, String key, BigDecimal expected, BigDecimal due) {}

    private final JdbcClient jdbc;

    CashForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Cell> cells(LocalDate asOf, int weeks, String groupBy, String currency, String[] areas) {
        return jdbc.sql(CELLS)
                .param("asOf", asOf)
                .param("weeks", weeks)
                .param("groupBy", groupBy)
                .param("currency", currency)
                .param("areas", areas)
                .query((rs, n) -> new Cell(
                        rs.getInt("week"), rs.getString("key"), rs.getBigDecimal("expected"), rs.getBigDecimal("due")))
                .list();
    }

    Optional<LocalDate> predictedAsOf() {
        return jdbc.sql(PREDICTED_AS_OF).query(LocalDate.class).optional();
    }
}
