package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, set-based, through the published functions {@code customer_figures},
 * {@code customer_credit_state} and {@code invoiced_before} (V121) and the customer master.
 */
@Repository
class HomeDashboardRepository {

    private static final String FIGURES = """
            SELECT count(*) AS customers,
                   coalesce(sum(f.exposure), 0) AS exposure,
                   coalesce(sum(f.credit_limit) FILTER (WHERE f.limit_currency = :currency), 0) AS limits,
                   count(*) FILTER (WHERE f.credit_limit IS NULL) AS without_limit,
                   count(*) FILTER (WHERE f.credit_limit IS NOT NULL AND f.exposure > f.credit_limit) AS over_limit,
                   coalesce(sum(f.overdue_amount), 0) AS overdue,
                   count(*) FILTER (WHERE f.max_days_overdue > :graceDays) AS overdue_customers,
                   count(*) FILTER (WHERE s.state = 'ON_HOLD') AS on_hold,
                   count(*) FILTER (WHERE s.state = 'STOPPED') AS stopped,
                   count(*) FILTER (WHERE f.escalation_level = 1) AS level1,
                   count(*) FILTER (WHERE f.escalation_level = 2) AS level2,
                   count(*) FILTER (WHERE f.escalation_level = 3) AS level3,
                   count(*) FILTER (WHERE f.escalation_level = 4) AS level4,
                   count(*) FILTER (WHERE f.risk_class = 'A') AS class_a,
                   count(*) FILTER (WHERE f.risk_class = 'B') AS class_b,
                   count(*) FILTER (WHERE f.risk_class = 'C') AS class_c,
                   count(*) FILTER (WHERE f.risk_class = 'D') AS class_d,
                   count(*) FILTER (WHERE f.risk_class = 'E') AS class_e
            FROM customer c
            JOIN customer_figures(:asOf) f ON f.customer_id = c.id
            CROSS JOIN LATERAL (SELECT customer_credit_state(c.id, :asOf) AS state) s
            WHERE c.currency = :currency
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY (CAST(:areas AS text[])))
            """;

    private static final String SALES = """
            SELECT as_of, amount FROM invoiced_before(CAST(:dates AS date[]), :days, CAST(:areas AS text[]))
            WHERE currency = :currency
            """;

    private final JdbcClient jdbc;

    HomeDashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PortfolioFigures figures(
            LocalDate asOf, String currency, int graceDays, BigDecimal openReceivables, String[] areas) {
        return jdbc.sql(FIGURES)
                .param("asOf", asOf)
                .param("currency", currency)
                .param("graceDays", graceDays)
                .param("areas", areas)
                .query((rs, n) -> {
                    Map<Integer, Integer> levels = new LinkedHashMap<>();
                    for (int level : PortfolioFigures.LEVELS) levels.put(level, rs.getInt("level" + level));
                    Map<String, Integer> classes = new LinkedHashMap<>();
                    for (String riskClass : PortfolioFigures.CLASSES) {
                        classes.put(riskClass, rs.getInt("class_" + riskClass.toLowerCase(java.util.Locale.ROOT)));
                    }
                    return new PortfolioFigures(
                            currency,
                            rs.getInt("customers"),
                            rs.getBigDecimal("exposure"),
                            rs.getBigDecimal("limits"),
                            rs.getInt("without_limit"),
                            rs.getInt("over_limit"),
                            openReceivables,
                            rs.getBigDecimal("overdue"),
                            rs.getInt("overdue_customers"),
                            rs.getInt("on_hold"),
                            rs.getInt("stopped"),
                            levels,
                            classes);
                })
                .single();
    }

    /** Invoiced in the {@code days} days up to each date, in one currency. */
    Map<LocalDate, BigDecimal> sales(List<LocalDate> dates, int days, String currency, String[] areas) {
        Map<LocalDate, BigDecimal> sales = new HashMap<>();
        jdbc.sql(SALES)
                .param("dates", dates.stream().map(Date::valueOf).toArray(Date[]::new))
                .param("days", days)
                .param("currency", currency)
                .param("areas", areas)
                .query((rs, n) -> sales.put(rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("amount")))
                .list();
        return sales;
    }
}
