package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cash forecast's one statement over the sums of the stored predictions, per week and area or product line. */
@Repository
class CashForecastRepository {

    /*
     * Week n holds dates asOf + 7n .. asOf + 7n + 6; what is already overdue falls into week 0. Each prediction counts
     * once in the week of its predicted pay date (expected) and once in the week of its due date (due). Read from the
     * sums the prediction run wrote per area, product line and date (cash_forecast_sum, V152: 36,080 rows for
     * 456,753 predictions) instead of the predictions; the predictions of customers moved to another area since
     * leave the area they were summed under for the customer's area now. A week and group is listed when some
     * prediction falls in it (the sums' counts), as the per-prediction statement does. %s is the group's key.
     */
    private static final String CELLS = """
            WITH moved AS (SELECT DISTINCT customer_id FROM cash_forecast_moved),
            sums AS (
                SELECT s.kind, s.area_code, s.product_line, s.on_date, s.predictions, s.amount
                FROM cash_forecast_sum s
                -- the weeks' condition below, as a range of cash_forecast_sum_currency_idx
                WHERE s.currency = :currency AND s.on_date < CAST(:asOf AS date) + 7 * :weeks
                UNION ALL
                SELECT k.kind, a.area_code, p.product_line,
                       CASE k.kind WHEN 'P' THEN p.predicted_pay_date ELSE p.due_date END, a.sign, a.sign * p.open_amount
                FROM invoice_prediction p
                JOIN moved m ON m.customer_id = p.customer_id
                JOIN customer c ON c.id = p.customer_id
                CROSS JOIN (VALUES ('P'), ('D')) AS k (kind)
                CROSS JOIN LATERAL (VALUES (p.area_code, -1), (c.area_code, 1)) AS a (area_code, sign)
                WHERE p.currency = :currency
            )
            SELECT greatest(0, (s.on_date - CAST(:asOf AS date)) / 7) AS week, %s AS key,
                   coalesce(sum(s.amount) FILTER (WHERE s.kind = 'P'), 0) AS expected,
                   coalesce(sum(s.amount) FILTER (WHERE s.kind = 'D'), 0) AS due
            FROM sums s
            WHERE greatest(0, (s.on_date - CAST(:asOf AS date)) / 7) < :weeks
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR s.area_code = ANY(CAST(:areas AS text[])))
            GROUP BY 1, 2
            HAVING sum(s.predictions) > 0
            ORDER BY 1, 2
            """;

    private static final String CELLS_BY_AREA = CELLS.formatted("s.area_code");
    private static final String CELLS_BY_PRODUCT_LINE = CELLS.formatted("coalesce(s.product_line, '-')");

    private static final String PREDICTED_AS_OF = "SELECT as_of FROM invoice_prediction LIMIT 1";

    record Cell(int week, String key, BigDecimal expected, BigDecimal due) {}

    private final JdbcClient jdbc;

    CashForecastRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Cell> cells(LocalDate asOf, int weeks, String groupBy, String currency, String[] areas) {
        return jdbc.sql(groupBy.equals("productLine") ? CELLS_BY_PRODUCT_LINE : CELLS_BY_AREA)
                .param("asOf", asOf)
                .param("weeks", weeks)
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
