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

    record Cell(String riskClass, String area, long customers, BigDecimal exposure) {}

    record TopRisk(
            String code,
            String name,
            String area,
            String riskClass,
            BigDecimal score,
            BigDecimal exposure,
            String currency) {}

    /**
     * An alert as pages show it: {@code key} and {@code args} (when the alert was raised with them) give the
     * text in the reader's language; {@code message} is the stored English, shown for older rows.
     */
    record Alert(
            OffsetDateTime at,
            @Nullable String customerCode,
            String type,
            String message,
            @Nullable String key,
            String[] args) {}

    /** The limit in force and the average days to pay of the payments of the month up to the date. */
    record Month(
            LocalDate monthEnd,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal averageDaysToPay) {}

    private static final String AREAS =
            "(cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))";

    // Exposure in the customer's currency from the credit module's running totals (one row per customer and
    // currency, so the join keeps one row per customer: no grouping over the book).
    private static final String SCORED = """
            WITH scored AS (
                SELECT c.id, c.code, c.name, c.area_code, c.currency, s.risk_class, s.score,
                       coalesce(b.open_receivables + b.released_orders - b.unapplied_credit, 0) AS exposure
                FROM customer_score s
                JOIN customer c ON c.id = s.customer_id
                LEFT JOIN credit_balance b ON b.customer_id = c.id AND b.currency = c.currency
                WHERE %s
            )
            """.formatted(AREAS);
    // The page's class totals are these cells summed (byClass): one pass over the scores instead of two.
    private static final String BY_CLASS_AND_AREA = SCORED + """
            SELECT risk_class, area_code, count(*) AS customers, sum(exposure) AS exposure FROM scored
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
            SELECT a.at, c.code, a.type, a.message, a.message_key, a.message_args
            FROM risk_alert a
            LEFT JOIN customer c ON c.id = a.customer_id
            WHERE (c.id IS NULL AND cardinality(CAST(:areas AS text[])) = 0) OR (c.id IS NOT NULL AND %s)
            ORDER BY a.id DESC
            LIMIT :limit
            """.formatted(AREAS);
    private static final String ALERT_FILTER = """
            FROM risk_alert a
            JOIN customer c ON c.id = a.customer_id
            WHERE %s
              AND (CAST(:type AS text) IS NULL OR a.type = CAST(:type AS text))
              AND (CAST(:area AS text) IS NULL OR c.area_code = CAST(:area AS text))
              AND (CAST(:customer AS text) IS NULL OR c.code = CAST(:customer AS text))
            """.formatted(AREAS);
    private static final String ALERT_PAGE = """
            SELECT a.at, c.code, a.type, a.message, a.message_key, a.message_args
            """ + ALERT_FILTER + """
            ORDER BY a.id DESC
            LIMIT :limit OFFSET :offset
            """;
    private static final String ALERT_COUNT = "SELECT count(*) " + ALERT_FILTER;
    private static final String ALERTS_OF = """
            SELECT a.at, CAST(NULL AS text) AS code, a.type, a.message, a.message_key, a.message_args
            FROM risk_alert a
            WHERE a.customer_id = :customerId ORDER BY a.id DESC LIMIT :limit
            """;
    /*
     * Per date of the aging trend (monitoring's snapshots or its live points): the customer's limit in
     * force and the average days to pay of the payments allocated in that month up to the date. The
     * open amounts themselves come from monitoring's aging trend, not from here.
     */
    private static final String MONTHS = """
            WITH m AS (
                SELECT DISTINCT CAST(d AS date) AS month_end FROM unnest(CAST(:dates AS text[])) AS d
            )
            SELECT m.month_end,
                   (SELECT l.amount FROM credit_limit l
                    WHERE l.customer_id = :customerId AND l.contract_no IS NULL
                      AND l.valid_from <= m.month_end AND l.valid_until >= m.month_end
                    ORDER BY l.approved_at DESC LIMIT 1) AS credit_limit,
                   (SELECT round(sum(a.amount * (a.allocated_on - i.issue_date)) / nullif(sum(a.amount), 0), 1)
                    FROM allocation a
                    JOIN invoice i ON i.id = a.invoice_id
                    WHERE i.customer_id = :customerId
                      AND a.allocated_on > CAST(date_trunc('month', m.month_end) AS date) - 1
                      AND a.allocated_on <= m.month_end AND a.reversed_on IS NULL) AS days_to_pay
            FROM m
            ORDER BY m.month_end
            """;

    private final JdbcClient jdbc;

    RiskDashboardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cells summed per class, in class order. */
    static List<ClassCount> byClass(List<Cell> cells) {
        java.util.Map<String, ClassCount> byClass = new java.util.TreeMap<>();
        for (Cell cell : cells) {
            byClass.merge(
                    cell.riskClass(),
                    new ClassCount(cell.riskClass(), cell.customers(), cell.exposure()),
                    (a, b) -> new ClassCount(
                            a.riskClass(),
                            a.customers() + b.customers(),
                            a.exposure().add(b.exposure())));
        }
        return List.copyOf(byClass.values());
    }

    /** Whether the dashboard's store is built (V151): then the cells and the top risks are read from it. */
    boolean stored() {
        return jdbc.sql(RiskBoardRepository.BUILT)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    List<Cell> byClassAndArea(String[] areas) {
        return byClassAndArea(areas, stored());
    }

    /** From the store plus the customers touched since ({@link RiskBoardRepository}) or computed live. */
    List<Cell> byClassAndArea(String[] areas, boolean stored) {
        return jdbc.sql(stored ? RiskBoardRepository.STORED_CELLS : BY_CLASS_AND_AREA)
                .param("areas", areas)
                .query((rs, n) -> new Cell(
                        rs.getString("risk_class"),
                        rs.getString("area_code"),
                        rs.getLong("customers"),
                        rs.getBigDecimal("exposure")))
                .list();
    }

    List<TopRisk> top(String[] areas, int limit) {
        return top(areas, limit, stored());
    }

    List<TopRisk> top(String[] areas, int limit, boolean stored) {
        return jdbc.sql(stored ? RiskBoardRepository.STORED_TOP : TOP)
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

    /** Filters of the alerts page; null = any. */
    record AlertFilter(
            String[] areas,
            @Nullable String type,
            @Nullable String area,
            @Nullable String customer) {}

    List<Alert> alertPage(AlertFilter filter, int offset, int limit) {
        return alertFilter(jdbc.sql(ALERT_PAGE), filter)
                .param("offset", offset)
                .param("limit", limit)
                .query(RiskDashboardRepository::alert)
                .list();
    }

    long alertCount(AlertFilter filter) {
        return alertFilter(jdbc.sql(ALERT_COUNT), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec alertFilter(JdbcClient.StatementSpec statement, AlertFilter filter) {
        return statement
                .param("areas", filter.areas())
                .param("type", filter.type(), java.sql.Types.VARCHAR)
                .param("area", filter.area(), java.sql.Types.VARCHAR)
                .param("customer", filter.customer(), java.sql.Types.VARCHAR);
    }

    List<Alert> alertsOf(long customerId, int limit) {
        return jdbc.sql(ALERTS_OF)
                .param("customerId", customerId)
                .param("limit", limit)
                .query(RiskDashboardRepository::alert)
                .list();
    }

    List<Month> months(long customerId, List<LocalDate> dates) {
        return jdbc.sql(MONTHS)
                .param("customerId", customerId)
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .query((rs, n) -> new Month(
                        rs.getObject("month_end", LocalDate.class),
                        rs.getBigDecimal("credit_limit"),
                        rs.getBigDecimal("days_to_pay")))
                .list();
    }

    private static Alert alert(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Array args = rs.getArray("message_args");
        return new Alert(
                rs.getObject("at", OffsetDateTime.class),
                rs.getString("code"),
                String.valueOf(rs.getString("type")),
                String.valueOf(rs.getString("message")),
                rs.getString("message_key"),
                args == null ? new String[0] : (String[]) args.getArray());
    }
}
