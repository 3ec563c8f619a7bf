package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures per area in one statement over the ledger's tables (read-only, as in {@link AgingRepository}),
 * and the supervisors with their assigned areas (identity's user_area, see V30__monitoring.sql).
 */
@Repository
class StaffingRepository {

    private static final String NORM = """
            SELECT supervisors_low, supervisors_high, annual_sales, customers_low, customers_high
            FROM staffing_norm WHERE id = 1
            """;

    // The figures per area of the customers: customers, a year of sales, open and overdue receivables.
    private static final String LIVE_FIGURES = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            ),
            -- What was open on the date: the invoices' open amounts when nothing was settled or reversed after it
            -- (today, as a rule: the open invoices only), else replayed from the settlements up to the date.
            receivables AS (
                SELECT i.customer_id,
                       sum(i.open_amount) AS open_amount,
                       sum(i.open_amount) FILTER (WHERE i.due_date < CAST(:asOf AS date)) AS overdue
                FROM open_item i
                WHERE CAST(:openAmountsHold AS boolean)
                  AND i.issue_date <= CAST(:asOf AS date)
                  AND i.currency = :currency
                GROUP BY i.customer_id
                UNION ALL
                SELECT i.customer_id,
                       sum(i.amount - coalesce(s.amount, 0)) AS open_amount,
                       sum(i.amount - coalesce(s.amount, 0)) FILTER (WHERE i.due_date < CAST(:asOf AS date)) AS overdue
                FROM invoice i
                LEFT JOIN settled s ON s.invoice_id = i.id
                WHERE NOT CAST(:openAmountsHold AS boolean)
                  AND i.issue_date <= CAST(:asOf AS date)
                  AND i.currency = :currency
                  AND i.amount - coalesce(s.amount, 0) > 0
                GROUP BY i.customer_id
            ),
            sales AS (
                SELECT i.customer_id, sum(i.amount) AS amount
                FROM invoice i
                WHERE i.currency = :currency
                  AND i.issue_date > CAST(:yearAgo AS date)
                  AND i.issue_date <= CAST(:asOf AS date)
                GROUP BY i.customer_id
            ),
            figures AS (
                SELECT c.area_code, count(*) AS customers,
                       coalesce(sum(sl.amount), 0) AS annual_sales,
                       coalesce(sum(rc.open_amount), 0) AS open_receivables,
                       coalesce(sum(rc.overdue), 0) AS overdue_receivables
                FROM customer c
                LEFT JOIN sales sl ON sl.customer_id = c.id
                LEFT JOIN receivables rc ON rc.customer_id = c.id
                GROUP BY c.area_code
            )
            """;

    // The same figures as stored after the daily run of the date (V145).
    private static final String STORED_FIGURES = """
            figures AS (
                SELECT f.area_code, f.customers, f.annual_sales, f.open_receivables, f.overdue_receivables
                FROM staffing_area_figures f
                WHERE f.as_of = CAST(:asOf AS date)
            )
            """;

    /* %s: the figures (live or stored); the supervisors and their shares are always read live. */
    private static final String AREA_FIGURES = """
            WITH %s,
            supervisors AS (
                SELECT u.id, u.username, ua.area_code,
                       1.0 / count(*) OVER (PARTITION BY u.id) AS share
                FROM app_user u
                JOIN user_role r ON r.user_id = u.id AND r.role = 'CREDIT_SUPERVISOR'
                JOIN user_area ua ON ua.user_id = u.id
                WHERE u.enabled
            )
            SELECT ar.code AS area_code, ar.name AS area_name,
                   coalesce(f.customers, 0) AS customers,
                   coalesce(f.annual_sales, 0) AS annual_sales,
                   coalesce(f.open_receivables, 0) AS open_receivables,
                   coalesce(f.overdue_receivables, 0) AS overdue_receivables,
                   coalesce((SELECT round(sum(sp.share), 2) FROM supervisors sp WHERE sp.area_code = ar.code), 0) AS actual,
                   ARRAY(SELECT sp.username FROM supervisors sp WHERE sp.area_code = ar.code ORDER BY sp.username)
                       AS supervisor_names
            FROM area ar
            LEFT JOIN figures f ON f.area_code = ar.code
            WHERE (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR ar.code = ANY(CAST(:areas AS text[])))
            ORDER BY ar.code
            """;

    private static final String AREA_FIGURES_LIVE =
            AREA_FIGURES.formatted(LIVE_FIGURES.strip().substring("WITH ".length()));
    private static final String AREA_FIGURES_STORED = AREA_FIGURES.formatted(STORED_FIGURES.strip());

    private static final String STORED_DAY = """
            SELECT stored_at FROM staffing_day WHERE as_of = CAST(:asOf AS date) AND currency = :currency
            """;

    private static final String DELETE_DAY = "DELETE FROM staffing_day WHERE as_of = CAST(:asOf AS date)";

    private static final String INSERT_DAY = """
            INSERT INTO staffing_day (as_of, currency, stored_at) VALUES (CAST(:asOf AS date), :currency, :storedAt)
            """;

    // Every area's live figures of the date, stored for the page (one statement; the run's date, all areas).
    private static final String STORE_FIGURES = """
            INSERT INTO staffing_area_figures (as_of, area_code, customers, annual_sales, open_receivables,
                                               overdue_receivables)
            """ + LIVE_FIGURES + """
            SELECT CAST(:asOf AS date), f.area_code, f.customers, f.annual_sales, f.open_receivables,
                   f.overdue_receivables
            FROM figures f
            """;

    private static final String SUPERVISORS = """
            SELECT u.username, u.display_name,
                   ARRAY(SELECT ua.area_code FROM user_area ua WHERE ua.user_id = u.id ORDER BY ua.area_code) AS areas,
                   (SELECT count(*) FROM escalation_task t WHERE t.user_id = u.id AND t.done_at IS NULL)
                       AS open_escalations
            FROM app_user u
            JOIN user_role r ON r.user_id = u.id AND r.role = 'CREDIT_SUPERVISOR'
            WHERE u.enabled
            ORDER BY u.username
            """;

    record AreaFigures(
            String area,
            String name,
            int customers,
            BigDecimal annualSales,
            BigDecimal openReceivables,
            BigDecimal overdueReceivables,
            BigDecimal actual,
            List<String> supervisors) {}

    record Supervisor(String username, String displayName, List<String> areas, int openEscalations) {}

    private final JdbcClient jdbc;

    StaffingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SAVE_NORM = """
            INSERT INTO staffing_norm (id, supervisors_low, supervisors_high, annual_sales, customers_low, customers_high)
            VALUES (1, :low, :high, :annualSales, :customersLow, :customersHigh)
            ON CONFLICT (id) DO UPDATE SET supervisors_low = EXCLUDED.supervisors_low,
                supervisors_high = EXCLUDED.supervisors_high, annual_sales = EXCLUDED.annual_sales,
                customers_low = EXCLUDED.customers_low, customers_high = EXCLUDED.customers_high
            """;

    void saveNorm(StaffingNorm norm) {
        jdbc.sql(SAVE_NORM)
                .param("low", norm.supervisorsLow())
                .param("high", norm.supervisorsHigh())
                .param("annualSales", norm.annualSales())
                .param("customersLow", norm.customersLow())
                .param("customersHigh", norm.customersHigh())
                .update();
    }

    StaffingNorm norm() {
        return jdbc.sql(NORM)
                .query((rs, n) -> new StaffingNorm(
                        rs.getInt("supervisors_low"),
                        rs.getInt("supervisors_high"),
                        rs.getBigDecimal("annual_sales"),
                        rs.getInt("customers_low"),
                        rs.getInt("customers_high")))
                .optional()
                .orElseGet(StaffingNorm::standard);
    }

    /** When the figures of the date in this currency were stored after its daily run, if they were. */
    Optional<OffsetDateTime> storedAt(LocalDate asOf, String currency) {
        return jdbc.sql(STORED_DAY)
                .param("asOf", asOf)
                .param("currency", currency)
                .query(OffsetDateTime.class)
                .optional();
    }

    /** Replaces the stored figures of the date with the live ones (all areas). */
    void store(LocalDate asOf, boolean openAmountsHold, String currency, OffsetDateTime storedAt) {
        jdbc.sql(DELETE_DAY).param("asOf", asOf).update();
        jdbc.sql(INSERT_DAY)
                .param("asOf", asOf)
                .param("currency", currency)
                .param("storedAt", storedAt)
                .update();
        jdbc.sql(STORE_FIGURES)
                .param("asOf", asOf)
                .param("openAmountsHold", openAmountsHold)
                .param("yearAgo", asOf.minusYears(1))
                .param("currency", currency)
                .update();
    }

    /** The figures per area stored after the date's daily run (see {@link #storedAt}). */
    List<AreaFigures> storedAreas(LocalDate asOf, String[] areas) {
        return jdbc.sql(AREA_FIGURES_STORED)
                .param("asOf", asOf)
                .param("areas", areas)
                .query(StaffingRepository::areaFigures)
                .list();
    }

    List<AreaFigures> areas(LocalDate asOf, boolean openAmountsHold, String currency, String[] areas) {
        return jdbc.sql(AREA_FIGURES_LIVE)
                .param("asOf", asOf)
                .param("openAmountsHold", openAmountsHold)
                .param("yearAgo", asOf.minusYears(1))
                .param("currency", currency)
                .param("areas", areas)
                .query(StaffingRepository::areaFigures)
                .list();
    }

    private static AreaFigures areaFigures(ResultSet rs, int n) throws SQLException {
        return new AreaFigures(
                rs.getString("area_code"),
                rs.getString("area_name"),
                rs.getInt("customers"),
                rs.getBigDecimal("annual_sales"),
                rs.getBigDecimal("open_receivables"),
                rs.getBigDecimal("overdue_receivables"),
                rs.getBigDecimal("actual"),
                List.of(strings(rs.getArray("supervisor_names"))));
    }

    List<Supervisor> supervisors() {
        return jdbc.sql(SUPERVISORS)
                .query((rs, n) -> new Supervisor(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        List.of(strings(rs.getArray("areas"))),
                        rs.getInt("open_escalations")))
                .list();
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
