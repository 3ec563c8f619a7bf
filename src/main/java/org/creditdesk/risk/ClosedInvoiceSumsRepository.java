package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the paid invoices add to the factor statement's per-customer-and-currency sums as of a date, kept between
 * scoring runs (V154, {@code score_closed}). A paid invoice no longer changes, and its part depends only on where
 * its due and issue dates fall against the date's windows, so the sums of one date become another's by adding the
 * difference of the paid invoices whose dates lie between the two dates' window edges; the customers whose paid
 * invoices were written since (logged by a trigger on {@code paid_item}) are recomputed from their invoices. A date
 * further than {@link #MOVE_AT_MOST_DAYS} away is rebuilt from all paid invoices.
 *
 * <p>A paid invoice is one in {@code paid_item} (V92); its payment date is {@code last_allocated_on} (an open
 * amount falls only through allocations, which set it). The sums equal ScoreRepository's per_currency
 * aggregates over the same invoices, with 0 where those give NULL (no invoice).
 */
@Repository
class ClosedInvoiceSumsRepository {

    private static final Logger log = LoggerFactory.getLogger(ClosedInvoiceSumsRepository.class);

    /** Beyond this the invoices between the window edges are about as many as a rebuild reads. */
    static final int MOVE_AT_MOST_DAYS = 10;

    private static final String STATE = "SELECT as_of FROM score_closed_state";

    /*
     * Eight NUMERIC sums per customer and currency: hashed, every group's sum states are held at once (hundreds of
     * megabytes for 100,000 customers), sorted they stream one group at a time. At 100,000 customers, one backend:
     * the rebuild 5.2–5.4 CPU s sorted against 9.8–11.6 hashed, a move 0.48–0.51 against 0.61–0.68, a move with
     * 20,000 customers logged 3.3–4.2 against 5.3–5.7 (session 10, docs/performance.md). For these statements only.
     */
    static final String SORTED_AGGREGATES = "SET LOCAL enable_hashagg = off";

    static final String HASHED_AGGREGATES_AGAIN = "SET LOCAL enable_hashagg = DEFAULT";

    private static final String COLUMNS = """
            customer_id, currency, weighted_days_late, amount_due, weighted_days_late_3m, amount_due_3m,
            invoices_due, invoices_late, sales_recent, sales_before""";

    /*
     * The rebuild aggregates into a temporary table first: CREATE TABLE AS may run its query with parallel workers
     * (an INSERT ... SELECT never does), so on two cores the scan and grouping of the 2.3 M paid invoices take about
     * two thirds of the time; copying the ~100,000 result rows over costs little.
     */
    private static final String REBUILD = "CREATE TEMP TABLE score_closed_rebuilt (" + COLUMNS + ") ON COMMIT DROP AS\n"
            + "SELECT i.customer_id, i.currency, " + sums(":asOf", ":from3", ":from6", ":from12", "") + """

            FROM paid_item i
            WHERE i.issue_date <= :asOf AND i.due_date > :from12
            GROUP BY i.customer_id, i.currency
            """;
    private static final String REBUILT = "INSERT INTO score_closed SELECT * FROM pg_temp.score_closed_rebuilt";

    // How many customers the log names against how many rows are kept: the choice between moving and rebuilding.
    private static final String SHARE_TOUCHED = """
            SELECT (SELECT count(DISTINCT customer_id) FROM score_closed_touched) AS touched,
                   (SELECT count(*) FROM score_closed) AS kept
            """;

    /*
     * One statement, so one snapshot: the log rows it empties are the changes its invoices show. Customers logged
     * are recomputed (their rows replaced, their currencies without paid invoices left dropped); the others move by
     * the difference of the paid invoices between the two dates' window edges (an invoice whose dates lie outside
     * every edge band adds the same on both dates).
     */
    private static final String MOVE =
            """
            WITH gone AS (DELETE FROM score_closed_touched RETURNING customer_id),
            touched AS (SELECT DISTINCT customer_id FROM gone),
            fresh AS (
                SELECT i.customer_id, i.currency, %s
                FROM paid_item i
                WHERE i.customer_id IN (SELECT customer_id FROM touched)
                  AND i.issue_date <= :asOf AND i.due_date > :from12
                GROUP BY i.customer_id, i.currency
            ),
            moved AS (
                SELECT i.customer_id, i.currency, %s
                FROM paid_item i
                WHERE ((i.due_date > :dueLo AND i.due_date <= :dueHi)
                       OR (i.due_date > :due3Lo AND i.due_date <= :due3Hi)
                       OR (i.due_date > :due12Lo AND i.due_date <= :due12Hi)
                       OR (i.issue_date > :dueLo AND i.issue_date <= :dueHi)
                       OR (i.issue_date > :issue6Lo AND i.issue_date <= :issue6Hi)
                       OR (i.issue_date > :due12Lo AND i.issue_date <= :due12Hi))
                  AND i.customer_id NOT IN (SELECT customer_id FROM touched)
                GROUP BY i.customer_id, i.currency
            ),
            dropped AS (
                DELETE FROM score_closed s
                WHERE s.customer_id IN (SELECT customer_id FROM touched)
                  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.customer_id = s.customer_id AND f.currency = s.currency)
            ),
            replaced AS (
                INSERT INTO score_closed (%s)
                SELECT * FROM fresh
                ON CONFLICT (customer_id, currency) DO UPDATE
                    SET weighted_days_late = EXCLUDED.weighted_days_late, amount_due = EXCLUDED.amount_due,
                        weighted_days_late_3m = EXCLUDED.weighted_days_late_3m, amount_due_3m = EXCLUDED.amount_due_3m,
                        invoices_due = EXCLUDED.invoices_due, invoices_late = EXCLUDED.invoices_late,
                        sales_recent = EXCLUDED.sales_recent, sales_before = EXCLUDED.sales_before
            ),
            added AS (
                INSERT INTO score_closed AS s (%s)
                SELECT * FROM moved
                ON CONFLICT (customer_id, currency) DO UPDATE
                    SET weighted_days_late = s.weighted_days_late + EXCLUDED.weighted_days_late,
                        amount_due = s.amount_due + EXCLUDED.amount_due,
                        weighted_days_late_3m = s.weighted_days_late_3m + EXCLUDED.weighted_days_late_3m,
                        amount_due_3m = s.amount_due_3m + EXCLUDED.amount_due_3m,
                        invoices_due = s.invoices_due + EXCLUDED.invoices_due,
                        invoices_late = s.invoices_late + EXCLUDED.invoices_late,
                        sales_recent = s.sales_recent + EXCLUDED.sales_recent,
                        sales_before = s.sales_before + EXCLUDED.sales_before
            )
            UPDATE score_closed_state SET as_of = :asOf, built_at = now()
            """.formatted(sums(":asOf", ":from3", ":from6", ":from12", ""), differences(), COLUMNS, COLUMNS);

    private final JdbcClient jdbc;

    ClosedInvoiceSumsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What {@link #keep} did. */
    enum Kept {
        MOVED,
        REBUILT
    }

    /**
     * Rebuilt rather than moved when the log names at least this share of the kept rows' count: a move recomputes each
     * logged customer from its invoices through the customer index (at 100,000 customers 2.4 CPU s for 20,000 logged,
     * 13.9 s for 95,000 after a bank statement that closed most customers' invoices), a rebuild reads all paid
     * invoices once (7.4–7.9 CPU s, in about two thirds of that on two cores).
     */
    static final double REBUILD_WHEN_TOUCHED = 1.0 / 3;

    /** The customers the log names and the rows kept, read before choosing. */
    private record Logged(long customers, long keptRows) {}

    /**
     * Brings the kept sums to the date (in the caller's transaction, or its own: the rebuild's temporary table needs
     * one connection): moved when near, rebuilt otherwise.
     */
    @Transactional
    Kept keep(LocalDate asOf) {
        return keep(asOf, REBUILD_WHEN_TOUCHED);
    }

    @Transactional
    Kept keep(LocalDate asOf, double rebuildWhenTouched) {
        long started = System.nanoTime();
        @Nullable
        LocalDate kept = jdbc.sql(STATE)
                .query((rs, n) -> rs.getObject("as_of", LocalDate.class))
                .list()
                .getFirst();
        Logged logged = kept == null
                ? new Logged(0, 0)
                : jdbc.sql(SHARE_TOUCHED)
                        .query((rs, n) -> new Logged(rs.getLong("touched"), rs.getLong("kept")))
                        .single();
        boolean rebuilt = rebuildRatherThanMove(kept, asOf, logged.customers(), logged.keptRows(), rebuildWhenTouched);
        jdbc.sql(SORTED_AGGREGATES).update();
        if (rebuilt) {
            rebuild(asOf);
        } else {
            move(kept, asOf);
        }
        jdbc.sql(HASHED_AGGREGATES_AGAIN).update();
        log.info(
                "Paid invoices' sums {} {} in {} ms ({} customers logged, {} rows kept before)",
                rebuilt ? "rebuilt as of" : "moved from " + kept + " to",
                asOf,
                (System.nanoTime() - started) / 1_000_000,
                logged.customers(),
                logged.keptRows());
        return rebuilt ? Kept.REBUILT : Kept.MOVED;
    }

    /**
     * Whether to rebuild: nothing kept yet, a date more than {@link #MOVE_AT_MOST_DAYS} away, or at least the given
     * share of the kept rows' count logged as touched (a day whose payments closed invoices of most customers).
     */
    static boolean rebuildRatherThanMove(
            @Nullable LocalDate kept, LocalDate asOf, long touched, long keptRows, double rebuildWhenTouched) {
        return kept == null
                || Math.abs(ChronoUnit.DAYS.between(kept, asOf)) > MOVE_AT_MOST_DAYS
                || (touched > 0 && touched >= rebuildWhenTouched * keptRows);
    }

    /** All paid invoices read again; the log is emptied first, so a change written meanwhile is recomputed later. */
    private void rebuild(LocalDate asOf) {
        jdbc.sql("DELETE FROM score_closed_touched").update();
        jdbc.sql("TRUNCATE score_closed").update();
        dated(jdbc.sql(REBUILD), asOf, "").update();
        jdbc.sql(REBUILT).update();
        jdbc.sql("DROP TABLE pg_temp.score_closed_rebuilt").update();
        jdbc.sql("UPDATE score_closed_state SET as_of = :asOf, built_at = now()")
                .param("asOf", asOf)
                .update();
    }

    private void move(LocalDate kept, LocalDate asOf) {
        JdbcClient.StatementSpec spec = dated(dated(jdbc.sql(MOVE), asOf, ""), kept, "Was");
        spec = band(spec, "due", kept, asOf);
        spec = band(spec, "due3", kept.minusMonths(3), asOf.minusMonths(3));
        spec = band(spec, "issue6", kept.minusMonths(6), asOf.minusMonths(6));
        spec = band(spec, "due12", kept.minusMonths(12), asOf.minusMonths(12));
        spec.update();
    }

    private static JdbcClient.StatementSpec band(JdbcClient.StatementSpec spec, String name, LocalDate a, LocalDate b) {
        boolean ordered = !a.isAfter(b);
        return spec.param(name + "Lo", ordered ? a : b).param(name + "Hi", ordered ? b : a);
    }

    private static JdbcClient.StatementSpec dated(JdbcClient.StatementSpec spec, LocalDate asOf, String suffix) {
        return spec.param("asOf" + suffix, asOf)
                .param("from3" + suffix, asOf.minusMonths(3))
                .param("from6" + suffix, asOf.minusMonths(6))
                .param("from12" + suffix, asOf.minusMonths(12));
    }

    /*
     * A paid invoice's part as of a date: ScoreRepository's per_currency filters with its payment date for
     * coalesce(paid_on, asOf), and its row filter (due in the 12-month window, issued by the date) in each.
     */
    private static String sums(String asOf, String from3, String from6, String from12, String suffix) {
        String d = "CAST(" + asOf + suffix + " AS date)";
        String f3 = "CAST(" + from3 + suffix + " AS date)";
        String f6 = "CAST(" + from6 + suffix + " AS date)";
        String f12 = "CAST(" + from12 + suffix + " AS date)";
        String in = "i.issue_date <= " + d + " AND i.due_date > " + f12;
        String due = in + " AND i.due_date <= " + d;
        String due3 = due + " AND i.due_date > " + f3;
        String late = " AND i.last_allocated_on > i.due_date";
        String weighted = "i.amount * (i.last_allocated_on - i.due_date)";
        return String.join(
                ",\n",
                "coalesce(sum(" + weighted + ") FILTER (WHERE " + due + late + "), 0)",
                "coalesce(sum(i.amount) FILTER (WHERE " + due + "), 0)",
                "coalesce(sum(" + weighted + ") FILTER (WHERE " + due3 + late + "), 0)",
                "coalesce(sum(i.amount) FILTER (WHERE " + due3 + "), 0)",
                "count(*) FILTER (WHERE " + due + ")",
                "count(*) FILTER (WHERE " + due + late + ")",
                "coalesce(sum(i.amount) FILTER (WHERE " + in + " AND i.issue_date > " + f6 + "), 0)",
                "coalesce(sum(i.amount) FILTER (WHERE " + in + " AND i.issue_date > " + f12 + " AND i.issue_date <= "
                        + f6 + "), 0)");
    }

    /** Each sum as of the new date less the same as of the kept date. */
    private static String differences() {
        String[] now = sums(":asOf", ":from3", ":from6", ":from12", "").split(",\n");
        String[] was = sums(":asOf", ":from3", ":from6", ":from12", "Was").split(",\n");
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < now.length; k++) {
            if (k > 0) out.append(",\n");
            out.append(now[k]).append(" - ").append(was[k]);
        }
        return out.toString();
    }
}
