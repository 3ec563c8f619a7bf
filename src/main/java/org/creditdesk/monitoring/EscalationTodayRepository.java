package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Today's escalation facts as stored by today's daily run plus the customers touched since (V149): per customer with
 * something overdue, its oldest overdue due date and overdue amount in its own currency, cut exactly like
 * {@link EscalationRepository}'s live snapshot from the invoices' open amounts. A read
 * ({@link EscalationRepository#board}) takes the stored rows of the customers not touched since and recomputes the
 * touched ones live in the same statement, then evaluates the ladder in force on both, so it answers what the live
 * board answers from a few tens of thousands of stored rows instead of the overdue invoices.
 */
@Repository
class EscalationTodayRepository {

    // The store and the fold exclude each other (the fold only tries, the store waits for a running fold).
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('creditdesk.escalation-today'))";
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('creditdesk.escalation-today'))";

    /*
     * The live facts of the customers the condition (%s, on the invoice i) selects: per customer and currency first
     * (index-only on open_item_due_idx, V92, for every customer), then per customer. Same rule as
     * EscalationRepository.SNAPSHOT_FROM_OPEN_AMOUNTS.
     */
    static final String LIVE_FACTS = """
            SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name, c.area_code, c.currency,
                   min(o.oldest_due_date) AS oldest_due_date,
                   coalesce(sum(o.amount) FILTER (WHERE o.currency = c.currency), 0) AS overdue_amount
            FROM (
                SELECT i.customer_id, i.currency, min(i.due_date) AS oldest_due_date, sum(i.open_amount) AS amount
                FROM open_item i
                WHERE i.due_date < CAST(:asOf AS date) AND i.issue_date <= CAST(:asOf AS date)
                  AND %s
                GROUP BY i.customer_id, i.currency
            ) o
            JOIN customer c ON c.id = o.customer_id
            GROUP BY c.id
            """;

    /*
     * The per-customer snapshot (the columns EscalationRepository's ladder evaluation reads) from the store: the
     * stored facts of the customers not touched since, and the touched ones live.
     */
    static final String PER_CUSTOMER_FROM_STORE =
            """
            touched AS (SELECT DISTINCT customer_id FROM escalation_today_touched),
            facts AS (
                SELECT t.customer_id, t.customer_code, t.customer_name, t.area_code, t.currency, t.oldest_due_date,
                       t.overdue_amount
                FROM escalation_today t
                WHERE NOT EXISTS (SELECT 1 FROM touched x WHERE x.customer_id = t.customer_id)
                UNION ALL
                SELECT customer_id, customer_code, customer_name, area_code, currency, oldest_due_date, overdue_amount
                FROM (%s) live
            ),
            per_customer AS (
                SELECT f.customer_id, f.customer_code, f.customer_name, f.area_code, f.currency, f.oldest_due_date,
                       CAST(:asOf AS date) - f.oldest_due_date AS days_overdue, f.overdue_amount
                FROM facts f
            )
            """.formatted(LIVE_FACTS.formatted("i.customer_id IN (SELECT customer_id FROM touched)"));

    private static final String STORE = """
            INSERT INTO escalation_today (customer_id, customer_code, customer_name, area_code, currency,
                                          oldest_due_date, overdue_amount)
            """ + LIVE_FACTS.formatted("TRUE");

    private static final String FOLD =
            """
            INSERT INTO escalation_today (customer_id, customer_code, customer_name, area_code, currency,
                                          oldest_due_date, overdue_amount)
            """ + LIVE_FACTS.formatted("i.customer_id IN (SELECT customer_id FROM pg_temp.escalation_folded)");

    private final JdbcClient jdbc;

    EscalationTodayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores today's facts (after the daily run of today has committed, {@link TodayStoresAfterDailyRun}; a running
     * fold or store is waited for). The touched log is emptied
     * first: a change committed after that statement's snapshot either is in the stored rows already or keeps its
     * entry and is replayed, so no change is lost (one seen twice is harmless). Settlements dated after today leave
     * nothing stored: the live board replays the allocations then, which the store is not cut from.
     */
    void store(LocalDate today) {
        long started = System.nanoTime();
        jdbc.sql(LOCK).query(rs -> {});
        jdbc.sql("DELETE FROM escalation_today_touched").update();
        jdbc.sql("DELETE FROM escalation_today").update();
        LocalDate lastSettlement = jdbc.sql(AgingRepository.LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        if (lastSettlement != null && lastSettlement.isAfter(today)) {
            jdbc.sql("UPDATE escalation_today_state SET as_of = NULL, built_at = NULL, build_ms = NULL")
                    .update();
            return;
        }
        jdbc.sql(STORE).param("asOf", today).update();
        jdbc.sql("UPDATE escalation_today_state SET as_of = :asOf, built_at = now(), build_ms = :buildMs")
                .param("asOf", today)
                .param("buildMs", (System.nanoTime() - started) / 1_000_000)
                .update();
    }

    /**
     * Folds the touched customers into the store (their stored rows replaced by their live ones), so that reads
     * replay only what changed since; skipped while the store is being written or is not of {@code today}. Entries
     * written by transactions that commit after the log was emptied stay and are replayed by the reads (or the next
     * fold). Returns the customers folded.
     */
    int fold(LocalDate today) {
        if (!Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).query(Boolean.class).single())) return 0;
        if (!serves(today)) return 0;
        jdbc.sql("DROP TABLE IF EXISTS pg_temp.escalation_folded").update();
        int folded = jdbc.sql("""
                        CREATE TEMP TABLE escalation_folded ON COMMIT DROP AS
                        WITH gone AS (DELETE FROM escalation_today_touched RETURNING customer_id)
                        SELECT DISTINCT customer_id FROM gone
                        """).update();
        if (folded == 0) return 0;
        jdbc.sql(
                        "DELETE FROM escalation_today WHERE customer_id IN (SELECT customer_id FROM pg_temp.escalation_folded)")
                .update();
        jdbc.sql(FOLD).param("asOf", today).update();
        return folded;
    }

    /** Whether the store holds the facts of {@code date} (its daily run stored them). */
    boolean serves(LocalDate date) {
        return date.equals(storedAsOf().orElse(null));
    }

    Optional<LocalDate> storedAsOf() {
        return jdbc.sql("SELECT as_of FROM escalation_today_state WHERE as_of IS NOT NULL")
                .query(LocalDate.class)
                .optional();
    }
}
