package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read models of the risk pages: the portfolio by class and area, the biggest risks, the alerts,
 * and one customer's month-end series. Area-scoped callers see their areas only.
 */
@Repository
class RiskDashboardRepository {

    record ClassCount(String riskClass, long customers, BigDecimal exposure) {}

    record Cell(String riskClass, String area, BigDecimal exposure) {}

    record TopRisk(
            String code,
            String name,
            String area,
            String riskClass,
            BigDecimal score,
            BigDecimal exposure,
            String currency) {}

    record Alert(OffsetDateTime at, @Nullable String customerCode, String type, String message) {}

    record Month(
            LocalDate monthEnd,
            BigDecimal open,
            BigDecimal notDue,
            BigDecimal days1to30,
            BigDecimal days31to60,
            BigDecimal days61to90,
            BigDecimal over90,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal averageDaysToPay) {}

    private static final String AREAS =
            "(cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))";

    // Exposure in the customer's currency from the credit module's running totals.
    private static final String SCORED = """
            WITH scored AS (
                SELECT c.id, c.code, c.name, c.area_code, c.currency, s.risk_class, s.score,
                       coalesce(sum(b.open_receivables + b.released_orders - b.unapplied_credit)
                                FILTER (WHERE b.currency = c.currency), 0) AS exposure
                FROM customer_score s
                JOIN customer c ON c.id = s.customer_id
                LEFT JOIN credit_balance b ON b.customer_id = c.id
                WHERE %s
                GROUP BY c.id, c.code, c.name, c.area_code, c.currency, s.risk_class, s.score
            )
            """.formatted(AREAS);
    private static final String BY_CLASS = SCORED + """
            SELECT risk_class, count(*) AS customers, sum(exposure) AS exposure FROM scored GROUP BY risk_class ORDER BY risk_class
            """;
    private static final String BY_CLASS_AND_AREA = SCORED + """
            SELECT risk_class, area_code, sum(exposure) AS exposure FROM scored
            GROUP BY risk_class, area_code ORDER BY area_code, risk_class
            """;
    // Exposure weighted by how bad the class is: E counts five times what A does.
    private static final String TOP = SCORED + """
            SELECT code, name, area_code, risk_class, score, exposure, currency FROM scored
            WHERE exposure > 0
            ORDER BY exposure * (ascii(risk_class) - 64) DESC, code
            LIMIT :limit
            """;
    private static final String ALERTS = """
            SELECT a.at, c.code, a.type, a.message
            FROM risk_alert a
            LEFT JOIN customer c ON c.id = a.customer_id
            WHERE (c.id IS NULL AND cardinality(CAST(:areas AS text[])) = 0) OR (c.id IS NOT NULL AND %s)
            ORDER BY a.id DESC
            LIMIT :limit
            """.formatted(AREAS);
    private static final String ALERTS_OF = """
            SELECT a.at, CAST(NULL AS text) AS code, a.type, a.message FROM risk_alert a
            WHERE a.customer_id = :customerId ORDER BY a.id DESC LIMIT :limit
            """;
    // Twelve month-ends up to the date: what was open and how old, the limit then, and how long the
    // payments allocated in the month took from invoice to payment.
    private static final String MONTHS = """
            WITH m AS (
                SELECT least(CAST(d + interval '1 month' - interval '1 day' AS date), CAST(:asOf AS date)) AS month_end
                FROM generate_series(date_trunc('month', CAST(:asOf AS date)) - interval '11 months',
                                     date_trunc('month', CAST(:asOf AS date)), interval '1 month') AS d
            ),
            inv AS (SELECT id, amount, issue_date, due_date FROM invoice WHERE customer_id = :customerId),
            alloc AS (
                SELECT a.invoice_id, a.amount, a.allocated_on, a.reversed_on, i.issue_date
                FROM allocation a JOIN inv i ON i.id = a.invoice_id
            ),
            open AS (
                SELECT m.month_end, i.due_date,
                       i.amount - coalesce((SELECT sum(a.amount) FROM alloc a
                                            WHERE a.invoice_id = i.id AND a.allocated_on <= m.month_end
                                              AND (a.reversed_on IS NULL OR a.reversed_on > m.month_end)), 0) AS amount
                FROM m JOIN inv i ON i.issue_date <= m.month_end
            )
            SELECT m.month_end,
                   coalesce(sum(o.amount), 0) AS open,
                   coalesce(sum(o.amount) FILTER (WHERE o.due_date >= m.month_end), 0) AS not_due,
                   coalesce(sum(o.amount) FILTER (WHERE m.month_end - o.due_date BETWEEN 1 AND 30), 0) AS d30,
                   coalesce(sum(o.amount) FILTER (WHERE m.month_end - o.due_date BETWEEN 31 AND 60), 0) AS d60,
                   coalesce(sum(o.amount) FILTER (WHERE m.month_end - o.due_date BETWEEN 61 AND 90), 0) AS d90,
                   coalesce(sum(o.amount) FILTER (WHERE m.month_end - o.due_date > 90), 0) AS over90,
                   (SELECT l.amount FROM credit_limit l
                    WHERE l.customer_id = :customerId AND l.contract_no IS NULL
                      AND l.valid_from <= m.month_end AND l.valid_until >= m.month_end
                    ORDER BY l.approved_at DESC LIMIT 1) AS credit_limit,
                   (SELECT round(sum(a.amount * (a.allocated_on - a.issue_date)) / nullif(sum(a.amount), 0), 1)
                    FROM alloc a
                    WHERE a.allocated_on > CAST(date_trunc('month', m.month_end) AS date) - 1
                      AND a.allocated_on <= m.month_end AND a.reversed_on IS NULL) AS days_to_pay
            FROM m
            LEFT JOIN open o ON o.month_end = m.month_end AND o.amount > 0
            GROUP BY m.month_end
            ORDER BY m.month_end
            """;

    private final JdbcClient jdbc;

    RiskDashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClassCount> byClass(String[] areas) {
        return jdbc.sql(BY_CLASS)
                .param("areas", areas)
                .query((rs, n) -> new ClassCount(
                        rs.getString("risk_class"), rs.getLong("customers"), rs.getBigDecimal("exposure")))
                .list();
    }

    List<Cell> byClassAndArea(String[] areas) {
        return jdbc.sql(BY_CLASS_AND_AREA)
                .param("areas", areas)
                .query((rs, n) ->
                        new Cell(rs.getString("risk_class"), rs.getString("area_code"), rs.getBigDecimal("exposure")))
                .list();
    }

    List<TopRisk> top(String[] areas, int limit) {
        return jdbc.sql(TOP)
                .param("areas", areas)
                .param("limit", limit)
                .query((rs, n) -> new TopRisk(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("area_code"),
                        rs.getString("risk_class"),
                        rs.getBigDecimal("score"),
                        rs.getBigDecimal("exposure"),
                        rs.getString("currency").trim()))
                .list();
    }

    List<Alert> alerts(String[] areas, int limit) {
        return jdbc.sql(ALERTS)
                .param("areas", areas)
                .param("limit", limit)
                .query(RiskDashboardRepository::alert)
                .list();
    }

    List<Alert> alertsOf(long customerId, int limit) {
        return jdbc.sql(ALERTS_OF)
                .param("customerId", customerId)
                .param("limit", limit)
                .query(RiskDashboardRepository::alert)
                .list();
    }

    List<Month> months(long customerId, LocalDate asOf) {
        return jdbc.sql(MONTHS)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .query((rs, n) -> new Month(
                        rs.getObject("month_end", LocalDate.class),
                        rs.getBigDecimal("open"),
                        rs.getBigDecimal("not_due"),
                        rs.getBigDecimal("d30"),
                        rs.getBigDecimal("d60"),
                        rs.getBigDecimal("d90"),
                        rs.getBigDecimal("over90"),
                        rs.getBigDecimal("credit_limit"),
                        rs.getBigDecimal("days_to_pay")))
                .list();
    }

    private static Alert alert(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Alert(
                rs.getObject("at", OffsetDateTime.class),
                rs.getString("code"),
                String.valueOf(rs.getString("type")),
                String.valueOf(rs.getString("message")));
    }
}
