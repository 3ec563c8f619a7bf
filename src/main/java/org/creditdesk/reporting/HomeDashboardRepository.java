package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's figures, set-based, through the published functions {@code customer_figures},
 * {@code customer_credit_states} and {@code invoiced_before} / {@code invoiced_by_area} (V121, V132) and the
 * customer master. After a daily run they are stored per area (V132) and read from there: computed over a
 * book of 100,000 customers they take seconds.
 */
@Repository
class HomeDashboardRepository {

    // The tiles' measures, once per customer currency and area (stored) or for the caller's areas (live).
    private static final String MEASURES = """
            count(*) AS customers,
            coalesce(sum(f.exposure), 0) AS exposure,
            coalesce(sum(f.credit_limit) FILTER (WHERE f.limit_currency = c.currency), 0) AS limits,
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
            """;

    private static final String SOURCES = """
            FROM customer c
            JOIN customer_figures(:asOf) f ON f.customer_id = c.id
            JOIN customer_credit_states(:asOf) s ON s.customer_id = c.id
            """;

    private static final String AREAS = """
            (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR area_code = ANY (CAST(:areas AS text[])))
            """;

    private static final String LIVE_FIGURES =
            "SELECT " + MEASURES + SOURCES + """
            WHERE c.currency = :currency AND
            """ + AREAS.replace("area_code", "c.area_code");

    private static final String DAY = """
            INSERT INTO portfolio_day (as_of, figures_stored_at, sales_stored_at)
            VALUES (:asOf, CASE WHEN :withFigures THEN CAST(:at AS timestamptz) END, :at)
            ON CONFLICT (as_of) DO UPDATE
                SET sales_stored_at = EXCLUDED.sales_stored_at,
                    figures_stored_at = coalesce(EXCLUDED.figures_stored_at, portfolio_day.figures_stored_at)
            """;
    private static final String DROP_SALES = "DELETE FROM portfolio_sales WHERE as_of = :asOf";
    private static final String STORE_SALES = """
            INSERT INTO portfolio_sales (as_of, area_code, currency, invoiced)
            SELECT :asOf, s.area_code, s.currency, s.amount FROM invoiced_by_area(:asOf, :days) s
            """;
    private static final String DROP_FIGURES = "DELETE FROM portfolio_figures WHERE as_of = :asOf";
    private static final String STORE_FIGURES = """
            INSERT INTO portfolio_figures (as_of, area_code, currency, customers, exposure, limits, without_limit,
                over_limit, overdue, overdue_customers, on_hold, stopped, level1, level2, level3, level4,
                class_a, class_b, class_c, class_d, class_e)
            SELECT :asOf, c.area_code, c.currency,
            """ + MEASURES + SOURCES + """
            GROUP BY c.area_code, c.currency
            """;

    private static final String STORED_FIGURES = """
            SELECT d.figures_stored_at AS stored_at,
                   coalesce(sum(p.customers), 0) AS customers, coalesce(sum(p.exposure), 0) AS exposure,
                   coalesce(sum(p.limits), 0) AS limits, coalesce(sum(p.without_limit), 0) AS without_limit,
                   coalesce(sum(p.over_limit), 0) AS over_limit, coalesce(sum(p.overdue), 0) AS overdue,
                   coalesce(sum(p.overdue_customers), 0) AS overdue_customers,
                   coalesce(sum(p.on_hold), 0) AS on_hold, coalesce(sum(p.stopped), 0) AS stopped,
                   coalesce(sum(p.level1), 0) AS level1, coalesce(sum(p.level2), 0) AS level2,
                   coalesce(sum(p.level3), 0) AS level3, coalesce(sum(p.level4), 0) AS level4,
                   coalesce(sum(p.class_a), 0) AS class_a, coalesce(sum(p.class_b), 0) AS class_b,
                   coalesce(sum(p.class_c), 0) AS class_c, coalesce(sum(p.class_d), 0) AS class_d,
                   coalesce(sum(p.class_e), 0) AS class_e
            FROM portfolio_day d
            LEFT JOIN portfolio_figures p ON p.as_of = d.as_of AND p.currency = :currency AND
            """ + AREAS.replace("area_code", "p.area_code") + """
            WHERE d.as_of = :asOf AND d.figures_stored_at IS NOT NULL
            GROUP BY d.figures_stored_at
            """;

    private static final String STORED_SALES = """
            SELECT d.as_of, coalesce(sum(s.invoiced), 0) AS amount
            FROM portfolio_day d
            LEFT JOIN portfolio_sales s ON s.as_of = d.as_of AND s.currency = :currency AND
            """ + AREAS.replace("area_code", "s.area_code") + """
            WHERE d.as_of = ANY (CAST(:dates AS date[])) AND d.sales_stored_at IS NOT NULL
            GROUP BY d.as_of
            """;

    private static final String LIVE_SALES = """
            SELECT as_of, amount FROM invoiced_before(CAST(:dates AS date[]), :days, CAST(:areas AS text[]))
            WHERE currency = :currency
            """;

    /** The tiles as stored after the daily run of their date, with the time they were stored. */
    record Stored(PortfolioFigures figures, OffsetDateTime storedAt) {}

    private final JdbcClient jdbc;

    HomeDashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Computes the figures over the whole book now (seconds at 100,000 customers). */
    PortfolioFigures figures(
            LocalDate asOf, String currency, int graceDays, BigDecimal openReceivables, String[] areas) {
        return jdbc.sql(LIVE_FIGURES)
                .param("asOf", asOf)
                .param("currency", currency)
                .param("graceDays", graceDays)
                .param("areas", areas)
                .query((rs, n) -> figures(rs, currency, openReceivables))
                .single();
    }

    /** Whether the daily run of the date stored its tiles. */
    boolean figuresStored(LocalDate asOf) {
        return jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM portfolio_day WHERE as_of = :asOf AND figures_stored_at IS NOT NULL)")
                .param("asOf", asOf)
                .query(Boolean.class)
                .single();
    }

    /** The figures stored for the date, if its daily run stored them. */
    Optional<Stored> storedFigures(LocalDate asOf, String currency, BigDecimal openReceivables, String[] areas) {
        return jdbc.sql(STORED_FIGURES)
                .param("asOf", asOf)
                .param("currency", currency)
                .param("areas", areas)
                .query((rs, n) -> new Stored(
                        figures(rs, currency, openReceivables), rs.getObject("stored_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Stores the date's sales per area and, when {@code withFigures} (a run of the current day: the figures are
     * today's open amounts), its tiles per area; a rerun of the date replaces what it stored.
     */
    void store(LocalDate asOf, int days, boolean withFigures, int graceDays, OffsetDateTime at) {
        jdbc.sql(DAY)
                .param("asOf", asOf)
                .param("withFigures", withFigures)
                .param("at", at)
                .update();
        jdbc.sql(DROP_SALES).param("asOf", asOf).update();
        jdbc.sql(STORE_SALES).param("asOf", asOf).param("days", days).update();
        if (!withFigures) return;
        jdbc.sql(DROP_FIGURES).param("asOf", asOf).update();
        jdbc.sql(STORE_FIGURES)
                .param("asOf", asOf)
                .param("graceDays", graceDays)
                .update();
    }

    /**
     * Invoiced in the {@code days} days up to each date, in one currency: stored where the daily run of the date
     * stored it, computed for the other dates.
     */
    Map<LocalDate, BigDecimal> sales(List<LocalDate> dates, int days, String currency, String[] areas) {
        Map<LocalDate, BigDecimal> sales = new HashMap<>();
        jdbc.sql(STORED_SALES)
                .param("dates", dates.stream().map(Date::valueOf).toArray(Date[]::new))
                .param("currency", currency)
                .param("areas", areas)
                .query((rs, n) -> sales.put(rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("amount")))
                .list();
        List<LocalDate> missing =
                dates.stream().filter(d -> !sales.containsKey(d)).toList();
        if (missing.isEmpty()) return sales;
        jdbc.sql(LIVE_SALES)
                .param("dates", missing.stream().map(Date::valueOf).toArray(Date[]::new))
                .param("days", days)
                .param("currency", currency)
                .param("areas", areas)
                .query((rs, n) -> sales.put(rs.getDate("as_of").toLocalDate(), rs.getBigDecimal("amount")))
                .list();
        return sales;
    }

    private static PortfolioFigures figures(ResultSet rs, String currency, BigDecimal openReceivables)
            throws SQLException {
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
    }
}
