package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Today's aging as stored by today's daily run plus the customers touched since (V133): the stored rows are cut
 * exactly like {@link AgingRepository}'s live statement from the current open amounts, per customer, product
 * line, currency and bucket, and a read replaces the touched customers' stored rows by their live ones in the
 * same statement, so it answers what the live computation answers, from a few thousand rows.
 */
@Repository
class AgingTodayRepository {

    /** What the store holds: its date, when it was built, whether today's buckets cut it, how many were touched. */
    record State(@Nullable LocalDate asOf, @Nullable OffsetDateTime builtAt, boolean sameBuckets, int touched) {

        boolean serves(LocalDate date) {
            return asOf != null && asOf.equals(date) && sameBuckets;
        }
    }

    // The store and the fold exclude each other (the fold only tries, the store waits for a running fold).
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('creditdesk.aging-today-fold'))";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('creditdesk.aging-today-fold'))";

    private static final String STATE = """
            SELECT s.as_of, s.built_at, s.bucket_set IS NOT DISTINCT FROM (%s) AS same_buckets,
                   (SELECT count(DISTINCT customer_id) FROM aging_today_touched) AS touched
            FROM aging_today_state s
            """.formatted(AgingSnapshotRepository.BUCKET_SET);

    /*
     * The live rule (AgingRepository.AGING_FROM_OPEN_AMOUNTS) per customer, product line, currency and bucket with
     * the customer's grouping attributes, for the customers the condition (%s) selects. Disputed parts are capped
     * per invoice, as live, so the cells add up to any grouping exactly.
     */
    private static final String LIVE_CELLS = """
            SELECT i.customer_id, c.area_code, c.business_group, c.sales_rep, i.product_line, i.currency,
                   b.code AS bucket, sum(i.open_amount) AS open_amount,
                   sum(least(coalesce(x.disputed_amount, 0.00), i.open_amount)) AS disputed
            FROM open_item i
            LEFT JOIN invoice_disputed_amounts(CAST(:asOf AS date)) x ON x.invoice_id = i.id
            JOIN customer c ON c.id = i.customer_id
            JOIN aging_bucket b ON greatest(CAST(:asOf AS date) - i.due_date, 0) >= b.from_days
                AND (b.to_days IS NULL OR greatest(CAST(:asOf AS date) - i.due_date, 0) <= b.to_days)
            WHERE i.issue_date <= CAST(:asOf AS date)
              AND %s
            GROUP BY i.customer_id, c.area_code, c.business_group, c.sales_rep, i.product_line, i.currency, b.code
            """;

    private static final String STORE = """
            INSERT INTO aging_today (customer_id, area_code, business_group, sales_rep, product_line, currency, bucket,
                                     open_amount, disputed)
            """ + LIVE_CELLS.formatted("TRUE");

    private static final String FOLD =
            """
            INSERT INTO aging_today (customer_id, area_code, business_group, sales_rep, product_line, currency, bucket,
                                     open_amount, disputed)
            """ + LIVE_CELLS.formatted("i.customer_id IN (SELECT customer_id FROM pg_temp.aging_folded)");

    private static final String ROLL_UP = """
            INSERT INTO aging_today_rollup (by_rep, area_code, business_group, sales_rep, product_line, currency,
                                            bucket, open_amount, disputed)
            SELECT false, area_code, business_group, NULL, product_line, currency, bucket, sum(open_amount),
                   sum(disputed)
            FROM aging_today
            GROUP BY area_code, business_group, product_line, currency, bucket
            UNION ALL
            SELECT true, area_code, NULL, sales_rep, NULL, currency, bucket, sum(open_amount), sum(disputed)
            FROM aging_today
            GROUP BY area_code, sales_rep, currency, bucket
            """;

    private static final String MARK = """
            UPDATE aging_today_state SET as_of = :asOf, bucket_set = (%s), built_at = now(), build_ms = :buildMs
            """.formatted(AgingSnapshotRepository.BUCKET_SET);

    /*
     * Any grouping but customer: the rollup (by sales rep for that grouping, else by area, business group and
     * product line), less the stored rows of the touched customers (with the attributes
     * they were stored with), plus those customers' live rows (with their current attributes). A cell whose
     * invoices all went answers 0 and is dropped, as live never lists it (every open amount counted is > 0).
     * Both rollups carry the area, so the areas' cells come from either.
     */
    private static final String STORED_CELLS = """
            WITH touched AS (SELECT DISTINCT customer_id FROM aging_today_touched),
            cells AS %s (
                SELECT area_code, business_group, sales_rep, product_line, currency, bucket, open_amount, disputed
                FROM aging_today_rollup
                WHERE by_rep = (:groupBy = 'SALES_REP')
                UNION ALL
                SELECT t.area_code, t.business_group, t.sales_rep, t.product_line, t.currency, t.bucket,
                       -t.open_amount, -t.disputed
                FROM aging_today t JOIN touched USING (customer_id)
                UNION ALL
                SELECT area_code, business_group, sales_rep, product_line, currency, bucket, open_amount, disputed
                FROM (%s) live
            )
            """;

    /* The cells grouped by the grouping %1$s names (:groupBy, or 'AREA'), labelled %2$s. */
    private static final String GROUP_CELLS = """
            SELECT %2$s AS part,
                   CASE %1$s
                       WHEN 'AREA' THEN o.area_code
                       WHEN 'PRODUCT_LINE' THEN o.product_line
                       WHEN 'SALES_REP' THEN o.sales_rep
                       ELSE o.business_group
                   END AS group_key,
                   CASE %1$s
                       WHEN 'AREA' THEN ar.name
                       WHEN 'PRODUCT_LINE' THEN pl.name
                       WHEN 'SALES_REP' THEN sr.name
                       ELSE o.business_group
                   END AS group_name,
                   o.currency, o.bucket, sum(o.open_amount) AS amount, sum(o.disputed) AS disputed
            FROM cells o
            JOIN area ar ON ar.code = o.area_code
            LEFT JOIN sales_rep sr ON sr.code = o.sales_rep
            LEFT JOIN product_line pl ON pl.code = o.product_line
            WHERE coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR o.area_code = ANY(CAST(:areas AS text[]))
            GROUP BY group_key, group_name, o.currency, o.bucket
            HAVING sum(o.open_amount) <> 0
            """;

    private static final String LIVE_OF_TOUCHED =
            LIVE_CELLS.formatted("i.customer_id IN (SELECT customer_id FROM touched)");

    private static final String GROUPED = STORED_CELLS.formatted("", LIVE_OF_TOUCHED)
            + "SELECT * FROM (" + GROUP_CELLS.formatted(":groupBy", "'REPORT'") + ") g\n"
            + "ORDER BY group_key NULLS LAST, currency, bucket\n";

    /* The grouping's and the areas' cells from one replay of the touched customers (the aging page). */
    private static final String GROUPED_WITH_AREAS = STORED_CELLS.formatted("MATERIALIZED", LIVE_OF_TOUCHED)
            + "SELECT * FROM (" + GROUP_CELLS.formatted("'AREA'", "'AREA'") + "UNION ALL\n"
            + GROUP_CELLS.formatted(":groupBy", "'REPORT'") + ") g\n"
            + "ORDER BY part, group_key NULLS LAST, currency, bucket\n";

    /*
     * Today's rows by customer and currency from the per-cell store (all of it, or the folded customers): the
     * figures a live computation by customer answers, kept in customer-code order (aging_today_customer, V134).
     */
    private static final String CUSTOMER_ROWS_FROM_CELLS = """
            INSERT INTO aging_today_customer (code, currency, customer_id, name, area_code, buckets, amounts, disputed)
            SELECT c.code, t.currency, t.customer_id, c.name, t.area_code,
                   array_agg(t.bucket ORDER BY t.bucket), array_agg(t.amount ORDER BY t.bucket), sum(t.disputed)
            FROM (SELECT customer_id, area_code, currency, bucket, sum(open_amount) AS amount, sum(disputed) AS disputed
                  FROM aging_today
                  WHERE %s
                  GROUP BY customer_id, area_code, currency, bucket) t
            JOIN customer c ON c.id = t.customer_id
            GROUP BY c.code, t.currency, t.customer_id, c.name, t.area_code
            """;

    private static final String COUNT_CUSTOMER_ROWS = """
            INSERT INTO aging_today_customer_count (area_code, rows)
            SELECT area_code, count(*) FROM aging_today_customer GROUP BY area_code
            """;

    private static final String AREAS =
            "(coalesce(cardinality(CAST(:areas AS text[])), 0) = 0" + " OR %s.area_code = ANY(CAST(:areas AS text[])))";

    /*
     * By customer in code order, a page (OFFSET/LIMIT; LIMIT NULL = to the end): the stored rows of the customers
     * not touched since, read along the primary key, merged with the touched ones recomputed live; with the count
     * of all rows (stored count per area less the touched customers' stored rows plus their live rows). The stored
     * branch pages itself (with a filter on it the planner does not merge a UNION ALL in index order): the first
     * offset - (live rows) stored rows lie before the page whatever the live rows are, so it skips them and reads
     * the page's limit plus the rest of the offset.
     */
    private static final String CUSTOMER_PAGE = """
            WITH touched AS MATERIALIZED (SELECT DISTINCT customer_id FROM aging_today_touched),
            live AS MATERIALIZED (
                SELECT c.code, l.currency, c.name, l.area_code, array_agg(l.bucket ORDER BY l.bucket) AS buckets,
                       array_agg(l.amount ORDER BY l.bucket) AS amounts, sum(l.disputed) AS disputed
                FROM (SELECT customer_id, area_code, currency, bucket, sum(open_amount) AS amount,
                             sum(disputed) AS disputed
                      FROM (%1$s) cells
                      GROUP BY customer_id, area_code, currency, bucket) l
                JOIN customer c ON c.id = l.customer_id
                GROUP BY c.code, l.currency, c.name, l.area_code
            ),
            skipped AS (SELECT greatest(CAST(:offset AS bigint) - count(*), 0) AS skip FROM live),
            scoped AS (
                (SELECT s.code, s.currency, s.name, s.buckets, s.amounts, s.disputed
                 FROM aging_today_customer s
                 WHERE s.customer_id NOT IN (SELECT customer_id FROM touched) AND %2$s
                 ORDER BY s.code, s.currency
                 OFFSET (SELECT skip FROM skipped)
                 LIMIT CAST(:offset AS bigint) - (SELECT skip FROM skipped) + CAST(:limit AS integer))
                UNION ALL
                SELECT l.code, l.currency, l.name, l.buckets, l.amounts, l.disputed
                FROM live l
                WHERE %3$s
            )
            SELECT o.code, o.currency, o.name, o.buckets, o.amounts, o.disputed,
                   (SELECT coalesce(sum(n.rows), 0) FROM aging_today_customer_count n WHERE %4$s)
                   - (SELECT count(*) FROM aging_today_customer s
                      WHERE s.customer_id IN (SELECT customer_id FROM touched) AND %2$s)
                   + (SELECT count(*) FROM live l WHERE %3$s) AS total
            FROM scoped o
            ORDER BY o.code, o.currency
            OFFSET CAST(:offset AS bigint) - (SELECT skip FROM skipped) LIMIT :limit
            """.formatted(
                    LIVE_CELLS.formatted("i.customer_id IN (SELECT customer_id FROM touched)"),
                    AREAS.formatted("s"),
                    AREAS.formatted("l"),
                    AREAS.formatted("n"));

    /** One customer's row in one currency as stored (or recomputed): bucket codes with their amounts. */
    record CustomerRow(
            String code,
            String name,
            String currency,
            String[] buckets,
            java.math.BigDecimal[] amounts,
            java.math.BigDecimal disputed) {}

    /** What reading customer rows found: how many rows there are in all (in the scope). */
    interface CustomerRows {
        void row(CustomerRow row, long total);
    }

    private final JdbcClient jdbc;

    AgingTodayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores today's aging (after the daily run of today has committed, {@link TodayStoresAfterDailyRun}). It waits
     * for a running fold or store (the fold only tries the lock), so two stores never interleave their deletes and
     * inserts. The touched log is emptied first: a change committed after that statement's snapshot either is in the
     * stored rows already or keeps its entry and is replayed, so no change is lost (one seen twice is harmless).
     */
    void store(LocalDate today) {
        long started = System.nanoTime();
        jdbc.sql(LOCK).query(rs -> {});
        jdbc.sql("DELETE FROM aging_today_touched").update();
        jdbc.sql("DELETE FROM aging_today").update();
        jdbc.sql("DELETE FROM aging_today_rollup").update();
        jdbc.sql("DELETE FROM aging_today_customer").update();
        jdbc.sql("DELETE FROM aging_today_customer_count").update();
        LocalDate lastSettlement = jdbc.sql(AgingRepository.LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (lastSettlement != null && lastSettlement.isAfter(today)) {
            // Settlements dated after today: live replays the allocations, which the store is not cut from.
            jdbc.sql("UPDATE aging_today_state SET as_of = NULL").update();
            return;
        }
        jdbc.sql(STORE).param("asOf", today).update();
        jdbc.sql(ROLL_UP).update();
        jdbc.sql(CUSTOMER_ROWS_FROM_CELLS.formatted("TRUE")).update();
        jdbc.sql(COUNT_CUSTOMER_ROWS).update();
        // Rebuilt whole: its statistics now, not when autovacuum gets to it (the page plans by them).
        jdbc.sql("ANALYZE aging_today_customer").update();
        jdbc.sql(MARK)
                .param("asOf", today)
                .param("buildMs", (System.nanoTime() - started) / 1_000_000)
                .update();
    }

    /**
     * Folds the touched customers into the store (their stored rows replaced by their live ones, the rollups
     * rebuilt) so that reads replay only what changed since, in its own transaction; skipped while another
     * instance folds or the store is not of {@code today}. Entries written by transactions that commit after the
     * log was emptied stay and are replayed by the reads (or the next fold). Returns the customers folded.
     */
    int fold(LocalDate today) {
        if (!Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).query(Boolean.class).single())) return 0;
        if (state().filter(state -> state.serves(today)).isEmpty()) return 0;
        jdbc.sql("DROP TABLE IF EXISTS pg_temp.aging_folded").update();
        int folded = jdbc.sql("""
                        CREATE TEMP TABLE aging_folded ON COMMIT DROP AS
                        WITH gone AS (DELETE FROM aging_today_touched RETURNING customer_id)
                        SELECT DISTINCT customer_id FROM gone
                        """).update();
        if (folded == 0) return 0;
        jdbc.sql("DELETE FROM aging_today WHERE customer_id IN (SELECT customer_id FROM pg_temp.aging_folded)")
                .update();
        jdbc.sql(FOLD).param("asOf", today).update();
        jdbc.sql("DELETE FROM aging_today_rollup").update();
        jdbc.sql(ROLL_UP).update();
        jdbc.sql("DELETE FROM aging_today_customer WHERE customer_id IN (SELECT customer_id FROM pg_temp.aging_folded)")
                .update();
        jdbc.sql(CUSTOMER_ROWS_FROM_CELLS.formatted("customer_id IN (SELECT customer_id FROM pg_temp.aging_folded)"))
                .update();
        jdbc.sql("DELETE FROM aging_today_customer_count").update();
        jdbc.sql(COUNT_CUSTOMER_ROWS).update();
        return folded;
    }

    /** A reset to a date before the store's: what it holds is undone with the runs after that date. */
    void forgetAfter(LocalDate asOf) {
        jdbc.sql("UPDATE aging_today_state SET as_of = NULL WHERE as_of > :asOf")
                .param("asOf", asOf)
                .update();
    }

    Optional<State> state() {
        return jdbc.sql(STATE)
                .query((rs, n) -> new State(
                        rs.getObject("as_of", LocalDate.class),
                        rs.getObject("built_at", OffsetDateTime.class),
                        rs.getBoolean("same_buckets"),
                        rs.getInt("touched")))
                .optional();
    }

    /**
     * Today's cells for any grouping but customer (read by {@link #customerRows}); the store must serve
     * {@code today}: see {@link State#serves}.
     */
    List<AgingRepository.Cell> aging(LocalDate today, AgingGrouping grouping, String[] areas) {
        if (grouping == AgingGrouping.CUSTOMER) throw new IllegalArgumentException("by customer: customerRows");
        return jdbc.sql(GROUPED)
                .param("asOf", today)
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query((rs, n) -> AgingRepository.Cell.of(rs, today))
                .list();
    }

    /** Today's cells for a grouping but customer and for the areas, from one statement (the aging page). */
    AgingRepository.PageCells agingWithAreas(LocalDate today, AgingGrouping grouping, String[] areas) {
        if (grouping == AgingGrouping.CUSTOMER) throw new IllegalArgumentException("by customer: customerRows");
        List<AgingRepository.Cell> report = new java.util.ArrayList<>();
        List<AgingRepository.Cell> byArea = new java.util.ArrayList<>();
        jdbc.sql(GROUPED_WITH_AREAS)
                .param("asOf", today)
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query((org.springframework.jdbc.core.RowCallbackHandler)
                        rs -> (rs.getString("part").equals("AREA") ? byArea : report)
                                .add(AgingRepository.Cell.of(rs, today)));
        return new AgingRepository.PageCells(report, byArea);
    }

    /**
     * Today's rows by customer and currency in code order from {@code offset}, at most {@code limit} of them (null:
     * to the end), each with the count of all rows in the scope; fetched a few hundred at a time, so a whole-book
     * read streams (the store must serve {@code today}: see {@link State#serves}).
     */
    void customerRows(LocalDate today, String[] areas, long offset, @Nullable Integer limit, CustomerRows sink) {
        jdbc.sql(CUSTOMER_PAGE)
                .withFetchSize(500)
                .param("asOf", today)
                .param("areas", areas)
                .param("offset", offset)
                .param("limit", limit, java.sql.Types.INTEGER)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.row(
                        new CustomerRow(
                                rs.getString("code"),
                                rs.getString("name"),
                                rs.getString("currency").trim(),
                                (String[]) rs.getArray("buckets").getArray(),
                                (java.math.BigDecimal[]) rs.getArray("amounts").getArray(),
                                rs.getBigDecimal("disputed")),
                        rs.getLong("total")));
    }
}
