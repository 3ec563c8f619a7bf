package org.creditdesk.risk;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The risk dashboard's store (V151): each scored customer's class, score and exposure with its code, name and area,
 * and the rollup per class and area, rebuilt after each full scoring run and kept current by a fold. Its reads
 * ({@link #STORED_CELLS}, {@link #STORED_TOP}, run by {@link RiskDashboardRepository}) take the rollup (or the stored
 * rows) less the customers touched since plus those customers recomputed live in the same statement, so they answer
 * what the live reads answer, without joining every score to its customer and balance.
 */
@Repository
class RiskBoardRepository {

    // The rebuild and the fold exclude each other (the fold only tries, the rebuild waits for a running fold).
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('creditdesk.risk-board'))";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('creditdesk.risk-board'))";

    /*
     * The live row of each scored customer the condition (%s, on the score s) selects: exposure in the customer's
     * currency from the credit module's running totals, as RiskDashboardRepository.SCORED reads it.
     */
    private static final String LIVE_ROWS = """
            SELECT c.id AS customer_id, c.code, c.name, c.area_code, c.currency, s.risk_class, s.score,
                   coalesce(b.open_receivables + b.released_orders - b.unapplied_credit, 0) AS exposure
            FROM customer_score s
            JOIN customer c ON c.id = s.customer_id
            LEFT JOIN credit_balance b ON b.customer_id = c.id AND b.currency = c.currency
            WHERE %s
            """;

    /** Whether the store is built: before, the dashboard reads live. */
    static final String BUILT = "SELECT built_at IS NOT NULL FROM risk_board_state";

    private static final String TOUCHED = "touched AS (SELECT DISTINCT customer_id FROM risk_board_touched)";
    private static final String TOUCHED_LIVE =
            LIVE_ROWS.formatted("s.customer_id IN (SELECT customer_id FROM touched)");
    private static final String AREAS =
            "(cardinality(CAST(:areas AS text[])) = 0 OR %s.area_code = ANY(CAST(:areas AS text[])))";

    private static final String INSERT = """
            INSERT INTO risk_board (customer_id, code, name, area_code, currency, risk_class, score, exposure)
            """;

    private static final String ROLL_UP = """
            INSERT INTO risk_board_cell (risk_class, area_code, customers, exposure)
            SELECT risk_class, area_code, count(*), sum(exposure) FROM risk_board GROUP BY risk_class, area_code
            """;

    /*
     * The cells: the rollup, less the stored rows of the touched customers, plus their live rows. A cell whose
     * customers all left counts 0 and is dropped, as live never lists it.
     */
    static final String STORED_CELLS = "WITH " + TOUCHED + """
            ,
            cells AS (
                SELECT risk_class, area_code, customers, exposure FROM risk_board_cell
                UNION ALL
                SELECT t.risk_class, t.area_code, -1, -t.exposure FROM risk_board t JOIN touched USING (customer_id)
                UNION ALL
                SELECT risk_class, area_code, 1, exposure FROM (%s) live
            )
            SELECT o.risk_class, o.area_code, sum(o.customers) AS customers, sum(o.exposure) AS exposure
            FROM cells o
            WHERE %s
            GROUP BY o.risk_class, o.area_code
            HAVING sum(o.customers) > 0
            ORDER BY o.area_code, o.risk_class
            """.formatted(TOUCHED_LIVE, AREAS.formatted("o"));

    /*
     * The biggest risks: the first untouched stored rows in the dashboard's order (risk_board_top_idx) and the touched
     * customers live, ordered together; the answer is among those two sets.
     */
    static final String STORED_TOP =
            "WITH " + TOUCHED + """
            ,
            candidates AS (
                (SELECT t.code, t.name, t.area_code, t.risk_class, t.score, t.exposure, t.currency
                 FROM risk_board t
                 WHERE t.exposure > 0 AND %s
                   AND NOT EXISTS (SELECT 1 FROM touched x WHERE x.customer_id = t.customer_id)
                 ORDER BY t.exposure * (ascii(t.risk_class) - 64) DESC, t.code
                 LIMIT :limit)
                UNION ALL
                SELECT l.code, l.name, l.area_code, l.risk_class, l.score, l.exposure, l.currency
                FROM (%s) l
                WHERE l.exposure > 0 AND %s
            )
            SELECT code, name, area_code, risk_class, score, exposure, currency FROM candidates
            ORDER BY exposure * (ascii(risk_class) - 64) DESC, code
            LIMIT :limit
            """.formatted(AREAS.formatted("t"), TOUCHED_LIVE, AREAS.formatted("l"));

    private final JdbcClient jdbc;

    RiskBoardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rebuilds the store from the current scores and balances (after a full scoring run, once it has committed). The
     * touched log is emptied first: a change committed after that statement's snapshot either is in the rebuilt rows
     * or keeps its entry and is replayed, so no change is lost.
     */
    void rebuild() {
        long started = System.nanoTime();
        jdbc.sql(LOCK).query(rs -> {});
        jdbc.sql("DELETE FROM risk_board_touched").update();
        jdbc.sql("DELETE FROM risk_board").update();
        jdbc.sql(INSERT + LIVE_ROWS.formatted("TRUE")).update();
        jdbc.sql("DELETE FROM risk_board_cell").update();
        jdbc.sql(ROLL_UP).update();
        jdbc.sql("UPDATE risk_board_state SET built_at = now(), build_ms = :buildMs")
                .param("buildMs", (System.nanoTime() - started) / 1_000_000)
                .update();
    }

    /**
     * Moves the touched customers into the store (their stored rows replaced by their live ones, the rollup rebuilt),
     * in its own transaction; skipped while a rebuild runs or before the store is built. Returns the customers folded.
     */
    int fold() {
        if (!Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).query(Boolean.class).single())) return 0;
        if (!Boolean.TRUE.equals(jdbc.sql(BUILT).query(Boolean.class).single())) return 0;
        return foldTouched();
    }

    /**
     * After a full scoring run has committed: the customers whose class or score changed (V155) and those touched
     * otherwise since are folded in (about 6 % of the scores change from one day to the next); the store is built
     * first if it is not yet. Waits for a running fold.
     */
    void refresh() {
        jdbc.sql(LOCK).query(rs -> {});
        if (Boolean.TRUE.equals(jdbc.sql(BUILT).query(Boolean.class).single())) {
            foldTouched();
        } else {
            rebuild();
        }
    }

    private int foldTouched() {
        jdbc.sql("DROP TABLE IF EXISTS pg_temp.risk_board_folded").update();
        int folded = jdbc.sql("""
                        CREATE TEMP TABLE risk_board_folded ON COMMIT DROP AS
                        WITH gone AS (DELETE FROM risk_board_touched RETURNING customer_id)
                        SELECT DISTINCT customer_id FROM gone
                        """).update();
        if (folded == 0) return 0;
        jdbc.sql("DELETE FROM risk_board WHERE customer_id IN (SELECT customer_id FROM pg_temp.risk_board_folded)")
                .update();
        jdbc.sql(INSERT + LIVE_ROWS.formatted("s.customer_id IN (SELECT customer_id FROM pg_temp.risk_board_folded)"))
                .update();
        jdbc.sql("DELETE FROM risk_board_cell").update();
        jdbc.sql(ROLL_UP).update();
        return folded;
    }
}
