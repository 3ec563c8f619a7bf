package org.creditdesk.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily run's own SQL: the lock that keeps it to one instance, the aging pass over the ledger
 * (read-only, the same as-of rule as {@link AgingRepository}) that the ladder then reads, and the
 * run history.
 */
@Repository
class DailyRunRepository {

    /*
     * Transaction-scoped, so a crashed instance cannot leave it held: PostgreSQL releases it with the
     * connection. "try" because a second instance has nothing to wait for: the first one does the work.
     */
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('creditdesk.daily-run'))";

    private static final String DROP_AGING = "DROP TABLE IF EXISTS pg_temp.daily_aging";

    private static final String CREATE_AGING = """
            CREATE TEMP TABLE daily_aging (
                customer_id             BIGINT NOT NULL,
                currency                CHAR(3) NOT NULL,
                bucket                  SMALLINT NOT NULL,
                invoices                INTEGER NOT NULL,
                open_amount             NUMERIC(19, 2) NOT NULL,
                oldest_overdue_due_date DATE,
                overdue_amount          NUMERIC(19, 2)
            ) ON COMMIT DROP
            """;

    /*
     * The one pass over the ledger: open amount per customer, currency and bucket as of the date, with
     * what the ladder needs (oldest overdue due date, overdue amount) carried along.
     */
    static final String FILL_AGING = """
            INSERT INTO daily_aging (customer_id, currency, bucket, invoices, open_amount, oldest_overdue_due_date,
                                     overdue_amount)
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            ),
            open_items AS (
                SELECT i.customer_id, i.currency, i.due_date,
                       greatest(CAST(:asOf AS date) - i.due_date, 0) AS days_overdue,
                       i.amount - coalesce(s.amount, 0) AS open_amount
                FROM invoice i
                LEFT JOIN settled s ON s.invoice_id = i.id
                WHERE i.issue_date <= CAST(:asOf AS date)
            )
            SELECT o.customer_id, o.currency, b.position, count(*), sum(o.open_amount),
                   min(o.due_date) FILTER (WHERE o.due_date < CAST(:asOf AS date)),
                   sum(o.open_amount) FILTER (WHERE o.due_date < CAST(:asOf AS date))
            FROM open_items o
            JOIN aging_bucket b ON o.days_overdue >= b.from_days AND (b.to_days IS NULL OR o.days_overdue <= b.to_days)
            WHERE o.open_amount > 0
            GROUP BY o.customer_id, o.currency, b.position
            """;

    /*
     * The same aging from the ledger's current open amounts (AgingRepository.AGING_FROM_OPEN_AMOUNTS's rule): equal
     * to FILL_AGING for a date on or after the last allocation or reversal, so the run of today reads only the open
     * invoices (index-only on open_item_due_idx, V92) instead of every invoice and allocation of the book.
     */
    static final String FILL_AGING_FROM_OPEN_AMOUNTS = """
            INSERT INTO daily_aging (customer_id, currency, bucket, invoices, open_amount, oldest_overdue_due_date,
                                     overdue_amount)
            SELECT i.customer_id, i.currency, b.position, count(*), sum(i.open_amount),
                   min(i.due_date) FILTER (WHERE i.due_date < CAST(:asOf AS date)),
                   sum(i.open_amount) FILTER (WHERE i.due_date < CAST(:asOf AS date))
            FROM open_item i
            JOIN aging_bucket b ON greatest(CAST(:asOf AS date) - i.due_date, 0) >= b.from_days
                AND (b.to_days IS NULL OR greatest(CAST(:asOf AS date) - i.due_date, 0) <= b.to_days)
            WHERE i.issue_date <= CAST(:asOf AS date)
            GROUP BY i.customer_id, i.currency, b.position
            """;

    private static final String AGING_SUMMARY = """
            SELECT b.code AS bucket, a.currency, count(DISTINCT a.customer_id) AS customers,
                   sum(a.invoices) AS invoices, sum(a.open_amount) AS open_amount
            FROM pg_temp.daily_aging a
            JOIN aging_bucket b ON b.position = a.bucket
            GROUP BY b.position, b.code, a.currency
            ORDER BY b.position, a.currency
            """;

    private static final String NEWEST_COMPLETED = "SELECT max(as_of) FROM daily_run WHERE status = 'COMPLETED'";

    private static final String INSERT = """
            INSERT INTO daily_run (as_of, status, run_by, started_at, finished_at, duration_ms, customers_evaluated,
                                   new_holds, released_holds, escalations, entered, tasks_created, letters_generated,
                                   legal_cases_opened, aging, error)
            VALUES (:asOf, :status, :runBy, :startedAt, :finishedAt, :durationMs, :customers, :newHolds,
                    :releasedHolds, CAST(:escalations AS jsonb), CAST(:entered AS jsonb), :tasks, :letters, :cases,
                    CAST(:aging AS jsonb), :error)
            RETURNING id
            """;

    private static final String START = """
            INSERT INTO daily_run (as_of, status, run_by, started_at)
            VALUES (:asOf, 'RUNNING', :runBy, :startedAt)
            RETURNING id
            """;

    /* Only called while holding the run lock: a RUNNING row then belongs to a run that died. */
    private static final String MARK_INTERRUPTED = """
            UPDATE daily_run SET status = 'INTERRUPTED', error = 'interrupted: the run never finished'
            WHERE status = 'RUNNING'
            """;

    private static final String COMPLETE = """
            UPDATE daily_run
            SET status = 'COMPLETED', finished_at = :finishedAt, duration_ms = :durationMs,
                customers_evaluated = :customers, new_holds = :newHolds, released_holds = :releasedHolds,
                escalations = CAST(:escalations AS jsonb), entered = CAST(:entered AS jsonb), tasks_created = :tasks,
                letters_generated = :letters, legal_cases_opened = :cases, aging = CAST(:aging AS jsonb)
            WHERE id = :id
            """;

    private static final String FAIL = """
            UPDATE daily_run SET status = 'FAILED', finished_at = :finishedAt, duration_ms = :durationMs, error = :error
            WHERE id = :id
            """;

    private static final String SUPERSEDE_AFTER = """
            UPDATE daily_run SET status = 'SUPERSEDED' WHERE status = 'COMPLETED' AND as_of > :asOf
            """;

    private static final String HISTORY = """
            SELECT id, as_of, status, run_by, started_at, finished_at, duration_ms, customers_evaluated, new_holds,
                   released_holds, escalations::text AS escalations, entered::text AS entered, tasks_created,
                   letters_generated, legal_cases_opened, aging::text AS aging, error
            FROM daily_run
            ORDER BY id DESC
            LIMIT :limit OFFSET :offset
            """;

    private static final String HISTORY_COUNT = "SELECT count(*) FROM daily_run";

    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
    private static final TypeReference<List<DailyRunRecord.AgingLine>> AGING_LINES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DailyRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).query(Boolean.class).single());
    }

    /** Where the run's aging comes from; both give the same cells whenever {@link #OPEN_AMOUNTS} may be used. */
    enum AgingSource {
        /** The invoices' current open amounts: valid when nothing was allocated or reversed after the date. */
        OPEN_AMOUNTS,
        /** Every invoice issued by the date less its allocations effective then: valid for any date. */
        ALLOCATIONS
    }

    /**
     * Fills the run's aging table for the date from the open amounts when the ledger's published fact allows it
     * (nothing settled or reversed after the date: the daily run of today), else from the allocations.
     */
    AgingSource fillAging(LocalDate asOf) {
        LocalDate lastChange = jdbc.sql(AgingRepository.LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        AgingSource source =
                lastChange == null || !lastChange.isAfter(asOf) ? AgingSource.OPEN_AMOUNTS : AgingSource.ALLOCATIONS;
        fillAging(asOf, source);
        return source;
    }

    void fillAging(LocalDate asOf, AgingSource source) {
        jdbc.sql(DROP_AGING).update();
        jdbc.sql(CREATE_AGING).update();
        String fill = switch (source) {
            case OPEN_AMOUNTS -> FILL_AGING_FROM_OPEN_AMOUNTS;
            case ALLOCATIONS -> FILL_AGING;
        };
        jdbc.sql(fill).param("asOf", asOf).update();
    }

    List<DailyRunRecord.AgingLine> agingSummary() {
        return jdbc.sql(AGING_SUMMARY)
                .query((rs, n) -> new DailyRunRecord.AgingLine(
                        rs.getString("bucket"),
                        rs.getString("currency").trim(),
                        rs.getInt("customers"),
                        rs.getLong("invoices"),
                        rs.getBigDecimal("open_amount")))
                .list();
    }

    @Nullable
    LocalDate newestCompleted() {
        return jdbc.sql(NEWEST_COMPLETED).query(LocalDate.class).optional().orElse(null);
    }

    long insert(DailyRunRecord run) {
        return jdbc.sql(INSERT)
                .param("asOf", run.asOf())
                .param("status", run.status())
                .param("runBy", run.runBy())
                .param("startedAt", run.startedAt())
                .param("finishedAt", run.finishedAt())
                .param("durationMs", run.durationMs())
                .param("customers", run.customersEvaluated())
                .param("newHolds", run.newHolds())
                .param("releasedHolds", run.releasedHolds())
                .param("escalations", json.writeValueAsString(run.escalations()))
                .param("entered", json.writeValueAsString(run.escalationsEntered()))
                .param("tasks", run.tasksCreated())
                .param("letters", run.lettersGenerated())
                .param("cases", run.legalCasesOpened())
                .param("aging", json.writeValueAsString(run.aging()))
                .param("error", run.error())
                .query(Long.class)
                .single();
    }

    long start(LocalDate asOf, String runBy, OffsetDateTime startedAt) {
        return jdbc.sql(START)
                .param("asOf", asOf)
                .param("runBy", runBy)
                .param("startedAt", startedAt)
                .query(Long.class)
                .single();
    }

    int markInterrupted() {
        return jdbc.sql(MARK_INTERRUPTED).update();
    }

    void complete(long id, DailyRunRecord run) {
        jdbc.sql(COMPLETE)
                .param("id", id)
                .param("finishedAt", run.finishedAt())
                .param("durationMs", run.durationMs())
                .param("customers", run.customersEvaluated())
                .param("newHolds", run.newHolds())
                .param("releasedHolds", run.releasedHolds())
                .param("escalations", json.writeValueAsString(run.escalations()))
                .param("entered", json.writeValueAsString(run.escalationsEntered()))
                .param("tasks", run.tasksCreated())
                .param("letters", run.lettersGenerated())
                .param("cases", run.legalCasesOpened())
                .param("aging", json.writeValueAsString(run.aging()))
                .update();
    }

    void fail(long id, OffsetDateTime finishedAt, long durationMs, String error) {
        jdbc.sql(FAIL)
                .param("id", id)
                .param("finishedAt", finishedAt)
                .param("durationMs", durationMs)
                .param("error", error)
                .update();
    }

    int supersedeAfter(LocalDate asOf) {
        return jdbc.sql(SUPERSEDE_AFTER).param("asOf", asOf).update();
    }

    List<DailyRunRecord> history(int limit) {
        return history(0, limit);
    }

    List<DailyRunRecord> history(int offset, int limit) {
        return jdbc.sql(HISTORY)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    long historyCount() {
        return jdbc.sql(HISTORY_COUNT).query(Long.class).single();
    }

    private DailyRunRecord map(ResultSet rs, int n) throws SQLException {
        return new DailyRunRecord(
                rs.getLong("id"),
                rs.getObject("as_of", LocalDate.class),
                rs.getString("status"),
                rs.getString("run_by"),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                rs.getLong("duration_ms"),
                rs.getInt("customers_evaluated"),
                rs.getInt("new_holds"),
                rs.getInt("released_holds"),
                json.readValue(rs.getString("escalations"), COUNTS),
                json.readValue(rs.getString("entered"), COUNTS),
                rs.getInt("tasks_created"),
                rs.getInt("letters_generated"),
                rs.getInt("legal_cases_opened"),
                json.readValue(rs.getString("aging"), AGING_LINES),
                rs.getString("error"));
    }
}
