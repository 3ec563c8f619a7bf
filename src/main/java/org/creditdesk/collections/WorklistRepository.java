package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worklist rule in SQL: every reason per customer from set-based CTEs, the priority as the row number in
 * the order of {@link WorklistReason} (first reason), escalation level, overdue amount weighted by risk
 * class; filters after numbering (so a row keeps its priority under a filter), paging in SQL. The same rule
 * ranks live (any date) or fills the stored worklist (V53: the daily run's date, kept by replaying the
 * customers its triggers mark as touched), whose page ranks the stored rows only.
 */
@Repository
class WorklistRepository {

    record Row(WorklistRow row, long total) {}

    /** The date and the rule's settings the stored worklist was built for. */
    private record Stored(LocalDate asOf, CollectionsSettings settings) {}

    /**
     * The rule: every flagged customer of {@code scope} (a CTE of id, code, area_code) with its reasons and
     * the keys of its priority, as {@code items}. The live page ranks these; the stored worklist keeps them.
     */
    private static final String ITEMS = """
            scope AS (%s),
            overdue AS (
                SELECT i.customer_id, sum(i.open_amount) AS overdue_amount,
                       max(CAST(:asOf AS date) - i.due_date) AS max_days
                FROM collections_open_invoice i JOIN scope s ON s.id = i.customer_id
                WHERE i.due_date < CAST(:asOf AS date)
                GROUP BY i.customer_id
            ),
            levels AS (
                SELECT h.customer_id, h.level
                FROM escalation_history h JOIN scope s ON s.id = h.customer_id
                WHERE h.left_on IS NULL AND h.entered_on <= CAST(:asOf AS date)
            ),
            broken AS (
                SELECT DISTINCT p.customer_id
                FROM payment_promise p JOIN scope s ON s.id = p.customer_id
                WHERE p.status IN ('BROKEN', 'PARTLY_KEPT')
                  AND p.promised_on < CAST(:asOf AS date)
                  AND p.promised_on >= CAST(:asOf AS date) - :brokenDays
                  AND NOT EXISTS (SELECT 1 FROM collection_activity a
                                  WHERE a.customer_id = p.customer_id AND a.type IN ('CALL', 'VISIT', 'EMAIL')
                                    AND a.happened_on > p.promised_on AND a.happened_on <= CAST(:asOf AS date))
            ),
            promise_due AS (
                SELECT DISTINCT p.customer_id
                FROM payment_promise p JOIN scope s ON s.id = p.customer_id
                WHERE p.status = 'OPEN' AND p.promised_on = CAST(:asOf AS date)
            ),
            steps AS (
                SELECT DISTINCT ON (st.invoice_id, st.chain_role)
                       st.customer_id, st.invoice_id, st.chain_role, st.status, st.since, st.contact_id
                FROM invoice_approval_step st JOIN scope s ON s.id = st.customer_id
                WHERE st.since <= CAST(:asOf AS date)
                ORDER BY st.invoice_id, st.chain_role, st.id DESC
            ),
            stalled AS (
                SELECT DISTINCT ON (st.customer_id) st.customer_id, st.chain_role, st.contact_id
                FROM steps st JOIN collections_open_invoice i ON i.id = st.invoice_id
                WHERE st.status = 'WAITING' AND CAST(:asOf AS date) - st.since > :stallDays
                  AND i.amount >= :threshold
                ORDER BY st.customer_id, st.since
            ),
            disputes AS (
                SELECT DISTINCT d.customer_id
                FROM invoice_dispute d JOIN scope s ON s.id = d.customer_id
                WHERE d.status <> 'RESOLVED' AND d.raised_on <= CAST(:asOf AS date)
            ),
            next_action AS (
                SELECT DISTINCT ON (a.customer_id) a.customer_id, a.next_action_on
                FROM collection_activity a JOIN scope s ON s.id = a.customer_id
                WHERE a.happened_on <= CAST(:asOf AS date)
                ORDER BY a.customer_id, a.happened_on DESC, a.id DESC
            ),
            candidates AS (
                SELECT customer_id FROM overdue UNION SELECT customer_id FROM broken
                UNION SELECT customer_id FROM promise_due UNION SELECT customer_id FROM stalled
                UNION SELECT customer_id FROM disputes
                UNION SELECT customer_id FROM next_action WHERE next_action_on <= CAST(:asOf AS date)
            ),
            flagged AS (
                SELECT s.id, s.code, s.area_code,
                       coalesce(o.overdue_amount, 0) AS overdue_amount, coalesce(o.max_days, 0) AS max_days,
                       coalesce(l.level, 0) AS level, rc.risk_class,
                       na.next_action_on, st.chain_role AS stalled_role, st.contact_id AS stalled_contact,
                       b.customer_id IS NOT NULL AS is_broken,
                       pd.customer_id IS NOT NULL AS is_due,
                       st.customer_id IS NOT NULL AS is_stalled,
                       coalesce(o.max_days BETWEEN 1 AND :newDays, FALSE) AS is_new,
                       coalesce(o.max_days > :newDays, FALSE) AS is_escalated,
                       coalesce(na.next_action_on <= CAST(:asOf AS date), FALSE) AS is_action_due,
                       d.customer_id IS NOT NULL AS is_disputed
                FROM candidates k
                JOIN scope s ON s.id = k.customer_id
                LEFT JOIN overdue o ON o.customer_id = s.id
                LEFT JOIN levels l ON l.customer_id = s.id
                LEFT JOIN broken b ON b.customer_id = s.id
                LEFT JOIN promise_due pd ON pd.customer_id = s.id
                LEFT JOIN stalled st ON st.customer_id = s.id
                LEFT JOIN disputes d ON d.customer_id = s.id
                LEFT JOIN next_action na ON na.customer_id = s.id
                LEFT JOIN customer_risk_classes() rc ON rc.customer_id = s.id
            ),
            items AS (
                SELECT f.id AS customer_id, f.code, f.area_code,
                       array_remove(ARRAY[
                           CASE WHEN is_broken THEN 'BROKEN_PROMISE' END,
                           CASE WHEN is_due THEN 'PROMISE_DUE' END,
                           CASE WHEN is_stalled THEN 'STALLED_APPROVAL' END,
                           CASE WHEN is_new THEN 'NEW_OVERDUE' END,
                           CASE WHEN is_escalated THEN 'ESCALATED' END,
                           CASE WHEN is_action_due THEN 'NEXT_ACTION_DUE' END,
                           CASE WHEN is_disputed THEN 'DISPUTE_OPEN' END], NULL) AS reasons,
                       CASE WHEN is_broken THEN 0 WHEN is_due THEN 1 WHEN is_stalled THEN 2 WHEN is_new THEN 3
                            WHEN is_escalated THEN 4 WHEN is_action_due THEN 5 ELSE 6 END AS rank_group,
                       f.level,
                       f.overdue_amount * CASE f.risk_class WHEN 'A' THEN 1.0 WHEN 'B' THEN 1.5 WHEN 'C' THEN 2.0
                                                            WHEN 'D' THEN 3.0 WHEN 'E' THEN 4.0 ELSE 2.0 END AS weighted,
                       f.max_days, f.overdue_amount, f.risk_class, f.next_action_on, f.stalled_role, f.stalled_contact
                FROM flagged f
            )
            """;

    private static final String COLUMNS =
            "customer_id, code, area_code, reasons, rank_group, level, weighted, max_days,"
                    + " overdue_amount, risk_class, next_action_on, stalled_role, stalled_contact";

    private static final String IN_AREAS = """
            SELECT c.id, c.code, c.area_code FROM customer c
            WHERE (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(:areas))""";

    /** The page's rows ({@code %s}: with priority and total) with their name, contact and prediction. */
    private static final String LOOKUPS = """
            SELECT f.code, cu.name, f.area_code, f.priority, f.reasons, f.overdue_amount, f.max_days, f.level,
                   f.risk_class, f.next_action_on, f.total, k.name AS contact_name, k.phone AS contact_phone,
                   pp.predicted_pay_date
            FROM (%s) f
            JOIN customer cu ON cu.id = f.customer_id
            LEFT JOIN LATERAL (
                SELECT min(p.predicted_pay_date) AS predicted_pay_date FROM invoice_prediction p
                WHERE p.customer_id = f.customer_id AND p.predicted_pay_date >= CAST(:asOf AS date)) pp ON TRUE
            LEFT JOIN LATERAL (
                SELECT c.name, c.phone FROM customer_contact c
                WHERE c.customer_id = f.customer_id AND c.active
                ORDER BY c.id = f.stalled_contact DESC NULLS LAST,
                         c.chain_role = coalesce(f.stalled_role, 'FINANCE') DESC, c.chain_role = 'KEY_PERSON' DESC, c.id
                LIMIT 1) k ON TRUE
            ORDER BY f.priority
            """;

    /**
     * The page from {@code items}: the priority as the row number over all of them (first reason, escalation
     * level, overdue amount weighted by risk class, days overdue, code), filters after numbering (so a row
     * keeps its priority under a filter), paging in SQL; the name, the contact and the prediction are looked
     * up for the page's rows only.
     */
    private static final String PAGE =
            """
            ranked AS (
                SELECT i.*, row_number() OVER (
                           ORDER BY rank_group, level DESC, weighted DESC, max_days DESC, code) AS priority
                FROM items i
            ),
            filtered AS (
                SELECT r.*, count(*) OVER () AS total
                FROM ranked r
                WHERE cardinality(r.reasons) > 0
                  AND (CAST(:reason AS text) IS NULL OR :reason = ANY(r.reasons))
                  AND (CAST(:area AS text) IS NULL OR r.area_code = :area)
                  AND (CAST(:level AS integer) IS NULL OR r.level = :level)
            )
            """ + LOOKUPS.formatted("SELECT * FROM filtered ORDER BY priority LIMIT :limit OFFSET :offset");

    /** Every flagged customer of the areas built and ranked per request. */
    private static final String LIVE_PAGE = "WITH " + ITEMS.formatted(IN_AREAS) + ",\n" + PAGE;

    /** The stored entries of the areas ranked: the same page from rows kept by {@link #rebuild} and {@link #replay}. */
    private static final String STORED_PAGE = """
            WITH items AS (
                SELECT w.* FROM collections_worklist w
                WHERE (cardinality(CAST(:areas AS text[])) = 0 OR w.area_code = ANY(:areas))
            ),
            """ + PAGE;

    /**
     * Without filters the priority is the place in the scope: the page is the priority index read in order
     * up to the page's end (no ranking of the whole area), the total a count of the scope's stored rows.
     */
    private static final String STORED_UNFILTERED_PAGE = """
            WITH page AS (
                SELECT w.*, CAST(:offset AS bigint) + row_number() OVER (
                           ORDER BY rank_group, level DESC, weighted DESC, max_days DESC, code) AS priority,
                       (SELECT count(*) FROM collections_worklist t
                        WHERE cardinality(CAST(:areas AS text[])) = 0 OR t.area_code = ANY(:areas)) AS total
                FROM (SELECT * FROM collections_worklist w
                      WHERE cardinality(CAST(:areas AS text[])) = 0 OR w.area_code = ANY(:areas)
                      ORDER BY rank_group, level DESC, weighted DESC, max_days DESC, code
                      LIMIT :limit OFFSET :offset) w
            )
            """ + LOOKUPS.formatted("SELECT * FROM page");

    private static final String REFRESH = "WITH " + ITEMS.formatted("""
                    SELECT c.id, c.code, c.area_code FROM customer c WHERE c.id = ANY(CAST(:ids AS bigint[]))""") + """
            , gone AS (
                DELETE FROM collections_worklist w
                WHERE w.customer_id = ANY(CAST(:ids AS bigint[]))
                  AND NOT EXISTS (SELECT 1 FROM items i WHERE i.customer_id = w.customer_id)
            )
            INSERT INTO collections_worklist (%1$s)
            SELECT %1$s FROM items
            ON CONFLICT (customer_id) DO UPDATE SET
                code = EXCLUDED.code, area_code = EXCLUDED.area_code, reasons = EXCLUDED.reasons,
                rank_group = EXCLUDED.rank_group, level = EXCLUDED.level, weighted = EXCLUDED.weighted,
                max_days = EXCLUDED.max_days, overdue_amount = EXCLUDED.overdue_amount,
                risk_class = EXCLUDED.risk_class, next_action_on = EXCLUDED.next_action_on,
                stalled_role = EXCLUDED.stalled_role, stalled_contact = EXCLUDED.stalled_contact
            """.formatted(COLUMNS);

    private static final String BUILD = "WITH " + ITEMS.formatted("SELECT c.id, c.code, c.area_code FROM customer c")
            + "INSERT INTO collections_worklist (%1$s) SELECT %1$s FROM items".formatted(COLUMNS);

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('collections_worklist'))";

    private final JdbcClient jdbc;

    WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The page computed by the live rule. */
    List<Row> livePage(
            LocalDate asOf,
            String[] areas,
            CollectionsSettings settings,
            @Nullable WorklistReason reason,
            @Nullable String area,
            @Nullable Integer level,
            int page,
            int size) {
        return read(rule(jdbc.sql(LIVE_PAGE), asOf, settings), areas, reason, area, level, page, size);
    }

    /** The page from the stored entries; right only when {@link #storedFor} and after {@link #replay}. */
    List<Row> storedPage(
            LocalDate asOf,
            String[] areas,
            @Nullable WorklistReason reason,
            @Nullable String area,
            @Nullable Integer level,
            int page,
            int size) {
        String sql = reason == null && area == null && level == null ? STORED_UNFILTERED_PAGE : STORED_PAGE;
        return read(jdbc.sql(sql).param("asOf", asOf), areas, reason, area, level, page, size);
    }

    /** Whether the stored entries were built for this date with these settings. */
    boolean storedFor(LocalDate asOf, CollectionsSettings s) {
        return jdbc.sql("""
                        SELECT count(*) FROM collections_worklist_state
                        WHERE as_of = :asOf AND chain_threshold = :threshold AND stall_days = :stallDays
                          AND new_overdue_days = :newDays AND broken_promise_days = :brokenDays
                        """)
                        .param("asOf", asOf)
                        .param("threshold", s.chainThreshold())
                        .param("stallDays", s.stallDays())
                        .param("newDays", s.newOverdueDays())
                        .param("brokenDays", s.brokenPromiseDays())
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean anyTouched() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM collections_worklist_touched)")
                .query(Boolean.class)
                .single();
    }

    /**
     * Recomputes with the live rule, as of the stored date and settings, the entries of the customers touched
     * since they were stored, and forgets the touches it saw. In a transaction; serialised with other replays
     * and builds, so a replay never stores an entry older than one stored before it.
     */
    int replay() {
        jdbc.sql(LOCK).query().listOfRows();
        Optional<Stored> state = jdbc.sql("""
                        SELECT as_of, chain_threshold, stall_days, new_overdue_days, broken_promise_days
                        FROM collections_worklist_state WHERE id = 1 AND as_of IS NOT NULL
                        """)
                .query((rs, n) -> new Stored(
                        rs.getObject("as_of", LocalDate.class),
                        // the service-case due days play no part in the rule
                        new CollectionsSettings(
                                rs.getBigDecimal("chain_threshold"),
                                rs.getInt("stall_days"),
                                1,
                                rs.getInt("new_overdue_days"),
                                rs.getInt("broken_promise_days"))))
                .optional();
        if (state.isEmpty()) return 0;
        Long[] ids = jdbc.sql("""
                        WITH t AS (DELETE FROM collections_worklist_touched RETURNING customer_id)
                        SELECT DISTINCT customer_id FROM t
                        """).query(Long.class).list().toArray(Long[]::new);
        if (ids.length > 0) {
            rule(jdbc.sql(REFRESH), state.get().asOf(), state.get().settings())
                    .param("ids", ids)
                    .update();
        }
        return ids.length;
    }

    /** Stores every customer's entry as of the date with these settings (in the caller's transaction). */
    int rebuild(LocalDate asOf, CollectionsSettings settings) {
        jdbc.sql(LOCK).query().listOfRows();
        jdbc.sql("DELETE FROM collections_worklist_touched").update();
        jdbc.sql("DELETE FROM collections_worklist").update();
        int stored = rule(jdbc.sql(BUILD), asOf, settings).update();
        jdbc.sql("""
                        UPDATE collections_worklist_state
                        SET as_of = :asOf, chain_threshold = :threshold, stall_days = :stallDays,
                            new_overdue_days = :newDays, broken_promise_days = :brokenDays, built_at = now()
                        WHERE id = 1
                        """)
                .param("asOf", asOf)
                .param("threshold", settings.chainThreshold())
                .param("stallDays", settings.stallDays())
                .param("newDays", settings.newOverdueDays())
                .param("brokenDays", settings.brokenPromiseDays())
                .update();
        return stored;
    }

    /** Outside any transaction (VACUUM cannot run in one). */
    void vacuum() {
        jdbc.sql("VACUUM (ANALYZE) collections_worklist").update();
    }

    /** How long the last build or replay after a daily run took (bench collections reports it). */
    void recordBuild(long ms) {
        jdbc.sql("UPDATE collections_worklist_state SET build_ms = :ms WHERE id = 1")
                .param("ms", ms)
                .update();
    }

    private static JdbcClient.StatementSpec rule(
            JdbcClient.StatementSpec spec, LocalDate asOf, CollectionsSettings settings) {
        return spec.param("asOf", asOf)
                .param("brokenDays", settings.brokenPromiseDays())
                .param("stallDays", settings.stallDays())
                .param("newDays", settings.newOverdueDays())
                .param("threshold", settings.chainThreshold());
    }

    private static List<Row> read(
            JdbcClient.StatementSpec spec,
            String[] areas,
            @Nullable WorklistReason reason,
            @Nullable String area,
            @Nullable Integer level,
            int page,
            int size) {
        return spec.param("areas", areas)
                .param("reason", reason == null ? null : reason.name())
                .param("area", area)
                .param("level", level)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> {
                    List<WorklistReason> reasons = Arrays.stream(
                                    (String[]) rs.getArray("reasons").getArray())
                            .map(WorklistReason::valueOf)
                            .toList();
                    String contact = rs.getString("contact_name");
                    return new Row(
                            new WorklistRow(
                                    rs.getString("code"),
                                    rs.getString("name"),
                                    rs.getString("area_code"),
                                    rs.getInt("priority"),
                                    reasons,
                                    rs.getBigDecimal("overdue_amount"),
                                    rs.getInt("max_days"),
                                    rs.getInt("level"),
                                    rs.getString("risk_class"),
                                    rs.getObject("next_action_on", LocalDate.class),
                                    rs.getObject("predicted_pay_date", LocalDate.class),
                                    contact,
                                    rs.getString("contact_phone"),
                                    CollectionRules.nextStep(reasons, contact == null ? "the customer" : contact)),
                            rs.getLong("total"));
                })
                .list();
    }
}
