package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditdesk.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Levels for every customer in one statement, the run that records them (episodes, tasks, e-mails),
 * and the reads of the board and "my escalations". Like {@link AgingRepository} it reads the ledger's
 * invoice and allocation tables directly (read-only, the same as-of rule as the ledger's open items)
 * and identity's user tables to resolve roles to people: per-customer facades cannot serve a run over
 * the whole portfolio.
 */
@Repository
class EscalationRepository {

    private static final String RESPONSIBILITIES = """
            SELECT level, role, area_scoped
            FROM escalation_responsibility
            ORDER BY level, role
            """;

    /*
     * A customer's snapshot (overdue amount in its own currency, its most overdue open invoice) and
     * its level: the ladder is passed in (the credit policy's thresholds) and evaluated exactly like
     * EscalationLadder.evaluate. Only customers with something overdue appear. The ladder's thresholds rise with
     * its levels (EscalationLadder checks it), so the highest level reached is the level at the position of the
     * last threshold reached: width_bucket, one array lookup per customer (a lateral max() over the unnested
     * ladder per customer took about 40% of the stored board's statement at 100,000 customers).
     */
    private static final String SNAPSHOT = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.allocated_on <= CAST(:asOf AS date)
                  AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            ),
            overdue AS (
                SELECT i.customer_id, i.due_date, i.currency, i.amount - coalesce(s.amount, 0) AS open_amount
                FROM invoice i
                LEFT JOIN settled s ON s.invoice_id = i.id
                WHERE i.issue_date <= CAST(:asOf AS date)
                  AND i.due_date < CAST(:asOf AS date)
            ),
            per_customer AS (
                SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name, c.area_code,
                       c.currency, min(o.due_date) AS oldest_due_date,
                       CAST(:asOf AS date) - min(o.due_date) AS days_overdue,
                       coalesce(sum(o.open_amount) FILTER (WHERE o.currency = c.currency), 0) AS overdue_amount
                FROM overdue o
                JOIN customer c ON c.id = o.customer_id
                WHERE o.open_amount > 0
                GROUP BY c.id
            )
            SELECT p.customer_id, p.customer_code, p.customer_name, p.area_code, p.currency, p.oldest_due_date,
                   p.days_overdue, p.overdue_amount, p.days_overdue <= :graceDays AS procedural,
                   CASE WHEN p.days_overdue <= :graceDays THEN least(l.level, 1) ELSE l.level END AS level
            FROM per_customer p
            CROSS JOIN LATERAL (
                SELECT coalesce((CAST(:levels AS int[]))[width_bucket(p.days_overdue, CAST(:fromDays AS int[]))], 0)
                    AS level
            ) l
            """;

    /*
     * The same snapshot read from the daily run's aging table (pg_temp.daily_aging, one row per customer,
     * currency and bucket, with the oldest overdue due date and the overdue amount of each): the run scans
     * the ledger once for both the aging and the ladder. Same columns and rules as SNAPSHOT.
     */
    private static final String SNAPSHOT_FROM_DAILY_AGING = """
            WITH per_customer AS (
                SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name, c.area_code,
                       c.currency, min(a.oldest_overdue_due_date) AS oldest_due_date,
                       CAST(:asOf AS date) - min(a.oldest_overdue_due_date) AS days_overdue,
                       coalesce(sum(a.overdue_amount) FILTER (WHERE a.currency = c.currency), 0) AS overdue_amount
                FROM pg_temp.daily_aging a
                JOIN customer c ON c.id = a.customer_id
                WHERE a.oldest_overdue_due_date IS NOT NULL
                GROUP BY c.id
            )
            """ + ladderOnPerCustomer();

    /*
     * The same snapshot from the invoices' current open amounts (the partial open-invoice indexes, V153 and V147): equal
     * to SNAPSHOT for a date on or after the last allocation or reversal, without replaying the allocation
     * history, so the board of today reads only what is open (AgingRepository.openAmountsHold decides). The facts are
     * cut by the statement today's store is written with (EscalationTodayRepository.LIVE_FACTS), for every customer.
     */
    private static final String SNAPSHOT_FROM_OPEN_AMOUNTS =
            """
            WITH per_customer AS (
                SELECT f.*, CAST(:asOf AS date) - f.oldest_due_date AS days_overdue
                FROM (%s) f
            )
            """.formatted(EscalationTodayRepository.LIVE_FACTS.formatted("TRUE")) + ladderOnPerCustomer();

    /*
     * The same snapshot from today's stored facts (EscalationTodayRepository, V149): the stored customers not touched
     * since and the touched ones live, the ladder evaluated on both exactly as above. Only for the store's date.
     */
    private static final String SNAPSHOT_FROM_STORE =
            "WITH " + EscalationTodayRepository.PER_CUSTOMER_FROM_STORE + ladderOnPerCustomer();

    /** SNAPSHOT's last part, the ladder evaluated on per_customer: the same for every source of the snapshot. */
    private static String ladderOnPerCustomer() {
        return SNAPSHOT.substring(SNAPSHOT.indexOf("SELECT p.customer_id"));
    }

    /** Who answers for customer {@code x} at level {@code x.level}; {@code x} is supplied by the statement. */
    private static final String RESPONSIBLE_PEOPLE_JOIN = """
            JOIN escalation_responsibility r ON r.level = x.level
            JOIN user_role ur ON ur.role = r.role
            JOIN app_user u ON u.id = ur.user_id AND u.enabled
            """;

    /*
     * Area-scoped roles: users assigned to the customer's area. A sales manager without areas manages
     * every area (identity's rule for area-scoped roles); a credit supervisor without areas is not
     * assigned yet and answers for none, so a new hire does not receive every escalation.
     */
    private static final String RESPONSIBLE_PEOPLE_CONDITION = """
            (NOT r.area_scoped
             OR EXISTS (SELECT 1 FROM user_area ua WHERE ua.user_id = u.id AND ua.area_code = x.area_code)
             OR (r.role <> 'CREDIT_SUPERVISOR' AND NOT EXISTS (SELECT 1 FROM user_area ua WHERE ua.user_id = u.id)))
            """;

    /*
     * One page of the board: the same snapshot filtered in SQL (caller's areas, an area, a responsible
     * person), the count per level of everything the filters keep, and only the page's rows joined to
     * their people, entry date and last action. The counts come on every row and on one empty row when
     * the page itself is empty.
     */
    private static final String BOARD_PAGE = """
            WITH s AS (
            %s
            ),
            f AS (
                SELECT s.*
                FROM s
                WHERE s.level > 0
                  AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR s.area_code = ANY(CAST(:areas AS text[])))
                  AND (CAST(:area AS text) IS NULL OR s.area_code = CAST(:area AS text))
                  AND (CAST(:owner AS text) IS NULL OR EXISTS (
                        SELECT 1
                        FROM (SELECT s.level, s.area_code) x
            %s
                        WHERE u.username = CAST(:owner AS text) AND %s))
            ),
            counts AS (
                SELECT array_agg(c.level ORDER BY c.level) AS levels, array_agg(c.n ORDER BY c.level) AS customers
                FROM (SELECT f.level, count(*) AS n FROM f GROUP BY f.level) c
            ),
            pg AS (
                SELECT f.*
                FROM f
                WHERE CAST(:level AS int) IS NULL OR f.level = CAST(:level AS int)
                ORDER BY f.level DESC, f.days_overdue DESC, f.customer_code
                LIMIT :limit OFFSET :offset
            ),
            -- Who answers depends only on the level and the area: resolved once per pair on the page, not per row
            -- (the whole board has tens of thousands of rows and a few dozen pairs).
            responsible AS (
                SELECT x.level, x.area_code,
                       ARRAY(SELECT r.role FROM escalation_responsibility r WHERE r.level = x.level ORDER BY r.role)
                           AS roles,
                       ARRAY(SELECT DISTINCT u.username
                             FROM (SELECT 1) one
            %s
                             WHERE %s
                             ORDER BY u.username) AS people
                FROM (SELECT DISTINCT pg.level, pg.area_code FROM pg) x
            )
            SELECT counts.levels AS count_levels, counts.customers AS count_customers,
                   x.customer_id, x.customer_code, x.customer_name, x.area_code, x.currency, x.oldest_due_date,
                   x.days_overdue, x.overdue_amount, x.procedural, x.level,
                   resp.roles AS responsible_roles, resp.people AS responsible_people,
                   h.entered_on,
                   last_task.done_at AS last_action_at, last_task.username AS last_action_by,
                   last_task.note AS last_action_note
            FROM counts
            LEFT JOIN pg x ON TRUE
            LEFT JOIN responsible resp ON resp.level = x.level AND resp.area_code = x.area_code
            LEFT JOIN escalation_history h ON h.customer_id = x.customer_id AND h.left_on IS NULL
            LEFT JOIN LATERAL (
                SELECT t.done_at, u.username, t.note
                FROM escalation_task t
                JOIN app_user u ON u.id = t.user_id
                WHERE t.customer_id = x.customer_id AND t.done_at IS NOT NULL
                ORDER BY t.done_at DESC, t.id DESC
                LIMIT 1
            ) last_task ON TRUE
            ORDER BY x.level DESC, x.days_overdue DESC, x.customer_code
            """;

    private static String boardPage(String snapshot) {
        return BOARD_PAGE.formatted(
                snapshot,
                RESPONSIBLE_PEOPLE_JOIN,
                RESPONSIBLE_PEOPLE_CONDITION,
                RESPONSIBLE_PEOPLE_JOIN,
                RESPONSIBLE_PEOPLE_CONDITION);
    }

    private static final String BOARD_PAGE_LIVE = boardPage(SNAPSHOT);
    private static final String BOARD_PAGE_FROM_OPEN_AMOUNTS = boardPage(SNAPSHOT_FROM_OPEN_AMOUNTS);
    private static final String BOARD_PAGE_FROM_STORE = boardPage(SNAPSHOT_FROM_STORE);

    /**
     * Where the board's snapshot comes from: the allocation history replayed (any date), the invoices' current open
     * amounts (a date nothing was settled after) or today's stored facts plus the customers touched since (the date of
     * the store, which its daily run wrote). All three give the same rows for a date each may serve.
     */
    enum Source {
        REPLAYED,
        OPEN_AMOUNTS,
        STORED_TODAY
    }

    // The run ----------------------------------------------------------------------------------------

    // One run at a time, across app instances sharing the database; released at commit.
    private static final String RUN_LOCK = "SELECT pg_advisory_xact_lock(hashtext('creditdesk.escalation-run'))";

    // A second evaluation in the same transaction starts from a fresh snapshot.
    private static final String DROP_SNAPSHOT_TABLE = "DROP TABLE IF EXISTS pg_temp.escalation_snapshot";

    private static final String CREATE_SNAPSHOT_TABLE = """
            CREATE TEMP TABLE escalation_snapshot (
                customer_id     BIGINT PRIMARY KEY,
                customer_code   TEXT NOT NULL,
                customer_name   TEXT NOT NULL,
                area_code       TEXT NOT NULL,
                currency        CHAR(3) NOT NULL,
                oldest_due_date DATE NOT NULL,
                days_overdue    INTEGER NOT NULL,
                overdue_amount  NUMERIC(19, 2) NOT NULL,
                procedural      BOOLEAN NOT NULL,
                level           INTEGER NOT NULL
            ) ON COMMIT DROP
            """;

    private static final String FILL_SNAPSHOT = """
            INSERT INTO escalation_snapshot (customer_id, customer_code, customer_name, area_code, currency,
                                             oldest_due_date, days_overdue, overdue_amount, procedural, level)
            """ + SNAPSHOT;

    /*
     * A customer whose history already reaches past the date is not touched: its episodes were written
     * by a run for a later day, and history only moves forward.
     */
    private static final String UNTOUCHED_BY_LATER_RUNS = """
            NOT EXISTS (SELECT 1 FROM escalation_history later
                        WHERE later.customer_id = %s
                          AND (later.entered_on > CAST(:asOf AS date) OR later.left_on > CAST(:asOf AS date)))
            """;

    private static final String LEAVE_LEVELS = """
            UPDATE escalation_history h
            SET left_on = CAST(:asOf AS date)
            WHERE h.left_on IS NULL
              AND h.entered_on <= CAST(:asOf AS date)
              AND NOT EXISTS (SELECT 1 FROM escalation_snapshot s WHERE s.customer_id = h.customer_id AND s.level = h.level)
              AND %s
            RETURNING h.level
            """.formatted(UNTOUCHED_BY_LATER_RUNS.formatted("h.customer_id"));

    /*
     * Who enters a level is decided before anything is inserted, in its own statement: anti-joined in the INSERT
     * itself, a first run on an empty history got a nested loop whose inner scan of escalation_history grew with
     * every row inserted (40,674 episodes at 100,000 customers: 58 s and 135 GB of buffer reads; 3.8 s as two
     * statements).
     */
    private static final String DROP_ENTERING = "DROP TABLE IF EXISTS pg_temp.escalation_entering";

    private static final String CREATE_ENTERING = """
            CREATE TEMP TABLE escalation_entering ON COMMIT DROP AS
            SELECT customer_id, level, days_overdue, overdue_amount, currency, procedural
            FROM escalation_snapshot WITH NO DATA
            """;

    private static final String ENTERING = """
            INSERT INTO escalation_entering (customer_id, level, days_overdue, overdue_amount, currency, procedural)
            SELECT s.customer_id, s.level, s.days_overdue, s.overdue_amount, s.currency, s.procedural
            FROM escalation_snapshot s
            WHERE s.level > 0
              AND NOT EXISTS (SELECT 1 FROM escalation_history h WHERE h.customer_id = s.customer_id AND h.left_on IS NULL)
              AND %s
            """.formatted(UNTOUCHED_BY_LATER_RUNS.formatted("s.customer_id"));

    /*
     * Re-entering the level left earlier the same day (a rerun after a correction) reopens that
     * episode instead of starting another, so its tasks and e-mails are not repeated.
     */
    private static final String ENTER_LEVELS = """
            INSERT INTO escalation_history (customer_id, level, entered_on, days_overdue, overdue_amount, currency,
                                            procedural)
            SELECT e.customer_id, e.level, CAST(:asOf AS date), e.days_overdue, e.overdue_amount, e.currency,
                   e.procedural
            FROM pg_temp.escalation_entering e
            ON CONFLICT (customer_id, level, entered_on) DO UPDATE SET left_on = NULL
            RETURNING level
            """;

    private static final String CREATE_TASKS = """
            INSERT INTO escalation_task (history_id, customer_id, user_id, role, created_on, level)
            SELECT DISTINCT ON (x.id, u.id) x.id, x.customer_id, u.id, r.role, CAST(:asOf AS date), x.level
            FROM (SELECT h.id, h.customer_id, h.level, c.area_code
                  FROM escalation_history h
                  JOIN customer c ON c.id = h.customer_id
                  WHERE h.left_on IS NULL AND h.entered_on = CAST(:asOf AS date)) x
            %s
            WHERE %s
            ORDER BY x.id, u.id, r.role
            ON CONFLICT (history_id, user_id) DO NOTHING
            """.formatted(RESPONSIBLE_PEOPLE_JOIN, RESPONSIBLE_PEOPLE_CONDITION);

    private static final String MAILS_TO_QUEUE = """
            SELECT DISTINCT ON (x.id, lower(u.email))
                   x.id AS history_id, x.customer_id, x.customer_code, x.customer_name, x.level, x.days_overdue,
                   x.overdue_amount, x.currency, x.procedural, u.email, u.display_name, r.role, u.locale
            FROM (SELECT h.id, h.customer_id, h.level, h.days_overdue, h.overdue_amount, h.currency, h.procedural,
                         c.area_code, c.code AS customer_code, c.name AS customer_name
                  FROM escalation_history h
                  JOIN customer c ON c.id = h.customer_id
                  WHERE h.left_on IS NULL AND h.entered_on = CAST(:asOf AS date)) x
            %s
            WHERE %s
              AND u.email IS NOT NULL AND u.email <> ''
              AND NOT EXISTS (SELECT 1 FROM mail_outbox m WHERE m.history_id = x.id AND lower(m.recipient) = lower(u.email))
            ORDER BY x.id, lower(u.email), r.role
            """.formatted(RESPONSIBLE_PEOPLE_JOIN, RESPONSIBLE_PEOPLE_CONDITION);

    private static final String QUEUE_MAILS = """
            INSERT INTO mail_outbox (history_id, customer_id, recipient, subject, body)
            SELECT * FROM unnest(CAST(:historyIds AS bigint[]), CAST(:customerIds AS bigint[]),
                                 CAST(:recipients AS text[]), CAST(:subjects AS text[]), CAST(:bodies AS text[]))
            ON CONFLICT (history_id, recipient) DO NOTHING
            """;

    private static final String FILL_SNAPSHOT_FROM_DAILY_AGING = """
            INSERT INTO escalation_snapshot (customer_id, customer_code, customer_name, area_code, currency,
                                             oldest_due_date, days_overdue, overdue_amount, procedural, level)
            """ + SNAPSHOT_FROM_DAILY_AGING;

    /*
     * Beyond grace in the snapshot; when the credit policy says disputed amounts do not count for the
     * hold, a customer with something under dispute stays only if an undisputed overdue part remains
     * (V52's published rule, the same as the live check's).
     */
    private static final String BEYOND_GRACE = """
            SELECT s.customer_id
            FROM escalation_snapshot s
            LEFT JOIN disputed_customers_overdue_for_hold(CAST(:asOf AS date), :graceDays) d
                   ON d.customer_id = s.customer_id AND NOT :disputedCounts
            WHERE NOT s.procedural AND coalesce(d.held, TRUE)
            ORDER BY s.customer_id
            """;

    private static final String LEVEL_COUNTS = """
            SELECT level, count(*) AS customers FROM escalation_snapshot WHERE level > 0 GROUP BY level
            """;

    private static final String CUSTOMER_COUNT = "SELECT count(*) FROM customer";

    // Reads of tasks and history ---------------------------------------------------------------------

    private static final String TASK_COLUMNS = """
            SELECT t.id, c.code AS customer_code, c.name AS customer_name, h.level, h.entered_on, h.left_on,
                   h.days_overdue, h.overdue_amount, h.currency, h.procedural, t.role, t.created_on, t.done_at, t.note
            FROM escalation_task t
            JOIN app_user u ON u.id = t.user_id
            JOIN escalation_history h ON h.id = t.history_id
            JOIN customer c ON c.id = t.customer_id
            """;

    /*
     * The user's tasks for a page: the user resolved first (a scalar subquery), so the tasks are one index
     * range of that user in page order (escalation_task_open_order_idx, V146) and only the page's rows are
     * joined to their episode and customer. A join with app_user instead made the planner sort every task.
     */
    private static final String USER_TASKS = """
            SELECT t.id, c.code AS customer_code, c.name AS customer_name, h.level, h.entered_on, h.left_on,
                   h.days_overdue, h.overdue_amount, h.currency, h.procedural, t.role, t.created_on, t.done_at, t.note
            FROM escalation_task t
            JOIN escalation_history h ON h.id = t.history_id
            JOIN customer c ON c.id = t.customer_id
            WHERE t.user_id = (SELECT u.id FROM app_user u WHERE u.username = :username)
            """;

    // Open tasks only, most urgent level first.
    private static final String OPEN_TASKS_OF_USER = USER_TASKS + """
              AND t.done_at IS NULL
            ORDER BY t.level DESC, t.created_on, t.id
            OFFSET :offset
            LIMIT :limit
            """;

    // Open tasks first (in the same order), then the done ones.
    private static final String ALL_TASKS_OF_USER = USER_TASKS + """
            ORDER BY t.done_at NULLS FIRST, t.level DESC, t.created_on, t.id
            OFFSET :offset
            LIMIT :limit
            """;

    private static final String COUNT_TASKS_OF_USER = """
            SELECT count(*)
            FROM escalation_task t
            JOIN app_user u ON u.id = t.user_id
            WHERE u.username = :username
              AND (:open = FALSE OR t.done_at IS NULL)
            """;

    private static final String TASK_OF_USER = TASK_COLUMNS + """
            WHERE u.username = :username AND t.id = :id
            """;

    private static final String COMPLETE_TASK = """
            UPDATE escalation_task t
            SET done_at = :doneAt, note = :note
            FROM app_user u
            WHERE t.id = :id AND u.id = t.user_id AND u.username = :username AND t.done_at IS NULL
            """;

    private static final String HISTORY = """
            SELECT h.level, h.entered_on, h.left_on, h.days_overdue, h.overdue_amount, h.currency, h.procedural
            FROM escalation_history h
            WHERE h.customer_id = :customerId
            ORDER BY h.entered_on, h.level
            """;

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            long customerId,
            String customerCode,
            String customerName,
            String areaCode,
            String currency,
            LocalDate oldestDueDate,
            int daysOverdue,
            BigDecimal overdueAmount,
            boolean procedural,
            int level,
            List<Role> responsibleRoles,
            List<String> responsiblePeople,
            @Nullable LocalDate enteredOn,
            @Nullable OffsetDateTime lastActionAt,
            @Nullable String lastActionBy,
            @Nullable String lastActionNote) {}

    record MailToQueue(
            long historyId,
            long customerId,
            String customerCode,
            String customerName,
            int level,
            int daysOverdue,
            BigDecimal overdueAmount,
            String currency,
            boolean procedural,
            String email,
            String displayName,
            Role role,
            @Nullable String locale) {}

    Map<Integer, List<Responsibility>> responsibilities() {
        Map<Integer, List<Responsibility>> byLevel = new TreeMap<>();
        jdbc.sql(RESPONSIBILITIES).query(rs -> {
            byLevel.computeIfAbsent(rs.getInt("level"), k -> new ArrayList<>())
                    .add(new Responsibility(Role.valueOf(rs.getString("role")), rs.getBoolean("area_scoped")));
        });
        return byLevel;
    }

    /**
     * One page of the board and the count per level of all rows the filters keep; a null limit reads every
     * row (LIMIT NULL), which is how the unpaged API reads them: only the rows' own people, entry date and
     * last action are looked up per row.
     */
    record BoardPage(List<Row> rows, Map<Integer, Long> levelCounts) {}

    BoardPage board(
            LocalDate asOf,
            Source source,
            EscalationLadder ladder,
            @Nullable Integer level,
            String[] areas,
            @Nullable String area,
            @Nullable String owner,
            int offset,
            @Nullable Integer limit) {
        Map<Integer, Long> counts = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        String statement = switch (source) {
            case REPLAYED -> BOARD_PAGE_LIVE;
            case OPEN_AMOUNTS -> BOARD_PAGE_FROM_OPEN_AMOUNTS;
            case STORED_TODAY -> BOARD_PAGE_FROM_STORE;
        };
        ladderParams(jdbc.sql(statement), asOf, ladder)
                .param("level", level, java.sql.Types.INTEGER)
                .param("areas", areas)
                .param("area", area, java.sql.Types.VARCHAR)
                .param("owner", owner, java.sql.Types.VARCHAR)
                .param("offset", offset)
                .param("limit", limit, java.sql.Types.INTEGER)
                .query(rs -> {
                    if (counts.isEmpty() && rs.getArray("count_levels") != null) {
                        Integer[] levels =
                                (Integer[]) rs.getArray("count_levels").getArray();
                        Long[] customers =
                                (Long[]) rs.getArray("count_customers").getArray();
                        for (int i = 0; i < levels.length; i++) counts.put(levels[i], customers[i]);
                    }
                    if (rs.getObject("customer_id") != null) rows.add(row(rs, rows.size()));
                });
        return new BoardPage(rows, counts);
    }

    void lockRun() {
        jdbc.sql(RUN_LOCK).query(rs -> {});
    }

    void snapshot(LocalDate asOf, EscalationLadder ladder) {
        jdbc.sql(DROP_SNAPSHOT_TABLE).update();
        jdbc.sql(CREATE_SNAPSHOT_TABLE).update();
        ladderParams(jdbc.sql(FILL_SNAPSHOT), asOf, ladder).update();
    }

    /** The snapshot from the daily run's aging table, which the caller filled in this transaction. */
    void snapshotFromDailyAging(LocalDate asOf, EscalationLadder ladder) {
        jdbc.sql(DROP_SNAPSHOT_TABLE).update();
        jdbc.sql(CREATE_SNAPSHOT_TABLE).update();
        ladderParams(jdbc.sql(FILL_SNAPSHOT_FROM_DAILY_AGING), asOf, ladder).update();
    }

    /** Customers of the last snapshot overdue beyond grace: the live check's rule, as of the same date. */
    List<Long> beyondGrace(LocalDate asOf, int graceDays, boolean disputedCountsForHold) {
        return jdbc.sql(BEYOND_GRACE)
                .param("asOf", asOf)
                .param("graceDays", graceDays)
                .param("disputedCounts", disputedCountsForHold)
                .query(Long.class)
                .list();
    }

    List<Integer> leaveLevels(LocalDate asOf) {
        return jdbc.sql(LEAVE_LEVELS).param("asOf", asOf).query(Integer.class).list();
    }

    List<Integer> enterLevels(LocalDate asOf) {
        jdbc.sql(DROP_ENTERING).update();
        jdbc.sql(CREATE_ENTERING).update();
        jdbc.sql(ENTERING).param("asOf", asOf).update();
        return jdbc.sql(ENTER_LEVELS).param("asOf", asOf).query(Integer.class).list();
    }

    int createTasks(LocalDate asOf) {
        return jdbc.sql(CREATE_TASKS).param("asOf", asOf).update();
    }

    List<MailToQueue> mailsToQueue(LocalDate asOf) {
        return jdbc.sql(MAILS_TO_QUEUE)
                .param("asOf", asOf)
                .query((rs, n) -> new MailToQueue(
                        rs.getLong("history_id"),
                        rs.getLong("customer_id"),
                        rs.getString("customer_code"),
                        rs.getString("customer_name"),
                        rs.getInt("level"),
                        rs.getInt("days_overdue"),
                        rs.getBigDecimal("overdue_amount"),
                        rs.getString("currency").trim(),
                        rs.getBoolean("procedural"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("locale")))
                .list();
    }

    record QueuedMail(long historyId, long customerId, String recipient, String subject, String body) {}

    int queueMails(List<QueuedMail> mails) {
        if (mails.isEmpty()) return 0;
        return jdbc.sql(QUEUE_MAILS)
                .param("historyIds", mails.stream().map(QueuedMail::historyId).toArray(Long[]::new))
                .param("customerIds", mails.stream().map(QueuedMail::customerId).toArray(Long[]::new))
                .param("recipients", mails.stream().map(QueuedMail::recipient).toArray(String[]::new))
                .param("subjects", mails.stream().map(QueuedMail::subject).toArray(String[]::new))
                .param("bodies", mails.stream().map(QueuedMail::body).toArray(String[]::new))
                .update();
    }

    Map<Integer, Integer> levelCounts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        jdbc.sql(LEVEL_COUNTS).query(rs -> {
            counts.put(rs.getInt("level"), rs.getInt("customers"));
        });
        return counts;
    }

    int customerCount() {
        return jdbc.sql(CUSTOMER_COUNT).query(Integer.class).single();
    }

    List<EscalationTask> tasksOf(String username, boolean openOnly, int offset, int limit) {
        return jdbc.sql(openOnly ? OPEN_TASKS_OF_USER : ALL_TASKS_OF_USER)
                .param("username", username)
                .param("offset", offset)
                .param("limit", limit, java.sql.Types.INTEGER)
                .query((rs, n) -> task(rs))
                .list();
    }

    long countTasksOf(String username, boolean openOnly) {
        return jdbc.sql(COUNT_TASKS_OF_USER)
                .param("username", username)
                .param("open", openOnly)
                .query(Long.class)
                .single();
    }

    java.util.Optional<EscalationTask> taskOf(String username, long id) {
        return jdbc.sql(TASK_OF_USER)
                .param("username", username)
                .param("id", id)
                .query((rs, n) -> task(rs))
                .optional();
    }

    private static EscalationTask task(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EscalationTask(
                rs.getLong("id"),
                rs.getString("customer_code"),
                rs.getString("customer_name"),
                rs.getInt("level"),
                rs.getObject("entered_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class),
                rs.getInt("days_overdue"),
                rs.getBigDecimal("overdue_amount"),
                rs.getString("currency").trim(),
                rs.getBoolean("procedural"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("created_on", LocalDate.class),
                rs.getObject("done_at", OffsetDateTime.class),
                rs.getString("note"));
    }

    boolean completeTask(long id, String username, OffsetDateTime doneAt, @Nullable String note) {
        return jdbc.sql(COMPLETE_TASK)
                        .param("id", id)
                        .param("username", username)
                        .param("doneAt", doneAt)
                        .param("note", note)
                        .update()
                == 1;
    }

    List<EscalationEpisode> history(long customerId) {
        return jdbc.sql(HISTORY)
                .param("customerId", customerId)
                .query((rs, n) -> new EscalationEpisode(
                        rs.getInt("level"),
                        rs.getObject("entered_on", LocalDate.class),
                        rs.getObject("left_on", LocalDate.class),
                        rs.getInt("days_overdue"),
                        rs.getBigDecimal("overdue_amount"),
                        rs.getString("currency").trim(),
                        rs.getBoolean("procedural")))
                .list();
    }

    private static JdbcClient.StatementSpec ladderParams(
            JdbcClient.StatementSpec statement, LocalDate asOf, EscalationLadder ladder) {
        return statement
                .param("asOf", asOf)
                .param("graceDays", ladder.graceDays())
                .param("levels", ladder.rungs().stream().map(Rung::level).toArray(Integer[]::new))
                .param("fromDays", ladder.rungs().stream().map(Rung::fromDays).toArray(Integer[]::new));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("customer_id"),
                rs.getString("customer_code"),
                rs.getString("customer_name"),
                rs.getString("area_code"),
                rs.getString("currency").trim(),
                rs.getObject("oldest_due_date", LocalDate.class),
                rs.getInt("days_overdue"),
                rs.getBigDecimal("overdue_amount"),
                rs.getBoolean("procedural"),
                rs.getInt("level"),
                Arrays.stream(strings(rs.getArray("responsible_roles")))
                        .map(Role::valueOf)
                        .toList(),
                List.of(strings(rs.getArray("responsible_people"))),
                rs.getObject("entered_on", LocalDate.class),
                rs.getObject("last_action_at", OffsetDateTime.class),
                rs.getString("last_action_by"),
                rs.getString("last_action_note"));
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
