package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Legal cases; lawyers are read from identity's user tables (role LEGAL) to assign cases set-based. */
@Repository
class LegalCaseRepository {

    private static final String COLUMNS = """
            SELECT lc.id, c.code AS customer_code, c.name AS customer_name, c.area_code, lc.status, lc.reason,
                   lc.opened_on, lc.opened_by, lc.closed_on, lc.lawyer, lc.amount_claimed, lc.amount_recovered,
                   lc.currency, lc.notes
            FROM legal_case lc
            JOIN customer c ON c.id = lc.customer_id
            """;

    private static final String LIST = COLUMNS + """
            WHERE (CAST(:status AS text) IS NULL OR lc.status = :status)
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            ORDER BY lc.status IN ('SETTLED', 'WRITTEN_OFF'), lc.opened_on DESC, lc.id DESC
            LIMIT :limit
            """;

    private static final String FILTER = """
            WHERE (CAST(:status AS text) IS NULL OR lc.status = :status)
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
              AND (CAST(:area AS text) IS NULL OR c.area_code = CAST(:area AS text))
              AND (CAST(:lawyer AS text) IS NULL OR lc.lawyer = CAST(:lawyer AS text))
            """;

    private static final String PAGE = COLUMNS + FILTER + """
            ORDER BY lc.status IN ('SETTLED', 'WRITTEN_OFF'), lc.opened_on DESC, lc.id DESC
            LIMIT :limit OFFSET :offset
            """;

    // The customer is read only when an area is asked (every case has its customer): no join of every case.
    private static final String COUNT = """
            SELECT count(*)
            FROM legal_case lc
            WHERE (CAST(:status AS text) IS NULL OR lc.status = :status)
              AND (CAST(:lawyer AS text) IS NULL OR lc.lawyer = CAST(:lawyer AS text))
              AND ((coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 AND CAST(:area AS text) IS NULL)
                   OR EXISTS (SELECT 1 FROM customer c
                              WHERE c.id = lc.customer_id
                                AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0
                                     OR c.area_code = ANY(CAST(:areas AS text[])))
                                AND (CAST(:area AS text) IS NULL OR c.area_code = CAST(:area AS text))))
            """;

    private static final String BY_ID = COLUMNS + "WHERE lc.id = :id";

    private static final String LOCK = "SELECT customer_id FROM legal_case WHERE id = :id FOR UPDATE";

    private static final String OPEN_OF_CUSTOMER = COLUMNS + """
            WHERE lc.customer_id = :customerId AND lc.status NOT IN ('SETTLED', 'WRITTEN_OFF')
            """;

    /*
     * Lawyers take new cases in turn, the least loaded first (open cases, then username): the n-th new
     * case of one statement goes to lawyer n modulo their number. No LEGAL user: the case waits unassigned.
     */
    private static final String LAWYERS = """
            lawyers AS (
                SELECT u.username,
                       row_number() OVER (ORDER BY coalesce(load.cases, 0), u.username) - 1 AS slot
                FROM app_user u
                JOIN user_role ur ON ur.user_id = u.id AND ur.role = 'LEGAL'
                LEFT JOIN (SELECT lawyer, count(*) AS cases FROM legal_case
                           WHERE status NOT IN ('SETTLED', 'WRITTEN_OFF') GROUP BY lawyer) load
                       ON load.lawyer = u.username
                WHERE u.enabled
            ),
            lawyer_count AS (SELECT nullif(count(*), 0) AS n FROM lawyers)
            """;

    private static final String OPEN_ONE = "WITH " + LAWYERS + """
            INSERT INTO legal_case (customer_id, status, opened_on, lawyer, amount_claimed, amount_recovered, currency,
                                    reason, opened_by)
            SELECT :customerId, 'OPEN', :openedOn, (SELECT l.username FROM lawyers l WHERE l.slot = 0),
                   :claimed, 0, :currency, :reason, :openedBy
            ON CONFLICT (customer_id) WHERE status NOT IN ('SETTLED', 'WRITTEN_OFF') DO NOTHING
            RETURNING id
            """;

    /*
     * Every customer on level 4 (an open episode of the ladder) gets a case unless one is in progress or
     * one was opened during this stay on level 4: a case closed while the customer is still there is not
     * reopened by the next run; leaving level 4 and coming back opens a new one.
     */
    private static final String OPEN_FOR_LEVEL_4 = "WITH " + LAWYERS + """
            , due AS (
                SELECT h.customer_id, h.overdue_amount, h.currency,
                       row_number() OVER (ORDER BY h.customer_id) - 1 AS seq
                FROM escalation_history h
                WHERE h.level = 4 AND h.left_on IS NULL AND h.entered_on <= CAST(:asOf AS date)
                  AND NOT EXISTS (SELECT 1 FROM legal_case lc
                                  WHERE lc.customer_id = h.customer_id
                                    AND (lc.status NOT IN ('SETTLED', 'WRITTEN_OFF') OR lc.opened_on >= h.entered_on))
            )
            INSERT INTO legal_case (customer_id, status, opened_on, lawyer, amount_claimed, amount_recovered, currency,
                                    reason, opened_by)
            SELECT d.customer_id, 'OPEN', CAST(:asOf AS date), l.username, d.overdue_amount, 0, d.currency, 'LEVEL_4',
                   :openedBy
            FROM due d
            CROSS JOIN lawyer_count n
            LEFT JOIN lawyers l ON l.slot = d.seq % n.n
            ORDER BY d.customer_id
            ON CONFLICT (customer_id) WHERE status NOT IN ('SETTLED', 'WRITTEN_OFF') DO NOTHING
            RETURNING customer_id
            """;

    private static final String UPDATE = """
            UPDATE legal_case
            SET status = :status, amount_recovered = :recovered, notes = :notes, closed_on = :closedOn,
                updated_by = :by, updated_at = :at, version = version + 1
            WHERE id = :id
            """;

    private static final String CURRENCY_OF = "SELECT currency FROM customer WHERE id = :id";
    private static final String CODES_OF =
            "SELECT code FROM customer WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY code";

    private final JdbcClient jdbc;

    LegalCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> currencyOf(long customerId) {
        return jdbc.sql(CURRENCY_OF)
                .param("id", customerId)
                .query(String.class)
                .optional()
                .map(String::trim);
    }

    List<String> codesOf(List<Long> customerIds) {
        return jdbc.sql(CODES_OF)
                .param("ids", customerIds.toArray(Long[]::new))
                .query(String.class)
                .list();
    }

    List<LegalCase> list(@Nullable LegalCaseStatus status, String[] areas, int limit) {
        return jdbc.sql(LIST)
                .param("status", status == null ? null : status.name())
                .param("areas", areas)
                .param("limit", limit)
                .query(LegalCaseRepository::map)
                .list();
    }

    /** Filters of the legal cases page; null = any. */
    record Filter(
            @Nullable LegalCaseStatus status,
            String[] areas,
            @Nullable String area,
            @Nullable String lawyer) {}

    List<LegalCase> page(Filter filter, int offset, int limit) {
        return filtered(jdbc.sql(PAGE), filter)
                .param("offset", offset)
                .param("limit", limit)
                .query(LegalCaseRepository::map)
                .list();
    }

    long count(Filter filter) {
        return filtered(jdbc.sql(COUNT), filter).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, Filter filter) {
        return statement
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().name(),
                        java.sql.Types.VARCHAR)
                .param("areas", filter.areas())
                .param("area", filter.area(), java.sql.Types.VARCHAR)
                .param("lawyer", filter.lawyer(), java.sql.Types.VARCHAR);
    }

    Optional<LegalCase> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(LegalCaseRepository::map).optional();
    }

    /** Locks the case for a status change; the customer's id, or empty for an unknown case. */
    Optional<Long> lock(long id) {
        return jdbc.sql(LOCK).param("id", id).query(Long.class).optional();
    }

    Optional<LegalCase> openOf(long customerId) {
        return jdbc.sql(OPEN_OF_CUSTOMER)
                .param("customerId", customerId)
                .query(LegalCaseRepository::map)
                .optional();
    }

    /** The new case's id, or empty when the customer's case is already in progress. */
    Optional<Long> open(
            long customerId, String reason, LocalDate openedOn, BigDecimal claimed, String currency, String openedBy) {
        return jdbc.sql(OPEN_ONE)
                .param("customerId", customerId)
                .param("reason", reason)
                .param("openedOn", openedOn)
                .param("claimed", claimed)
                .param("currency", currency)
                .param("openedBy", openedBy)
                .query(Long.class)
                .optional();
    }

    /** Opens the cases level 4 calls for as of the date; the customers whose case was opened. */
    List<Long> openForLevel4(LocalDate asOf, String openedBy) {
        return jdbc.sql(OPEN_FOR_LEVEL_4)
                .param("asOf", asOf)
                .param("openedBy", openedBy)
                .query(Long.class)
                .list();
    }

    void update(
            long id,
            LegalCaseStatus status,
            BigDecimal recovered,
            @Nullable String notes,
            @Nullable LocalDate closedOn,
            String by,
            OffsetDateTime at) {
        jdbc.sql(UPDATE)
                .param("id", id)
                .param("status", status.name())
                .param("recovered", recovered)
                .param("notes", notes)
                .param("closedOn", closedOn)
                .param("by", by)
                .param("at", at)
                .update();
    }

    private static LegalCase map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new LegalCase(
                rs.getLong("id"),
                rs.getString("customer_code"),
                rs.getString("customer_name"),
                rs.getString("area_code"),
                LegalCaseStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getString("opened_by"),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("lawyer"),
                rs.getBigDecimal("amount_claimed"),
                rs.getBigDecimal("amount_recovered"),
                currency == null ? null : currency.trim(),
                rs.getString("notes"));
    }
}
