package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DailyCollectionsRepository {

    // Open invoices whose current chain step has waited longer than the stall days: one statement.
    private static final String STALLED = """
            WITH steps AS (
                SELECT DISTINCT ON (st.invoice_id, st.chain_role) st.invoice_id, st.status, st.since
                FROM invoice_approval_step st
                WHERE st.since <= :asOf
                ORDER BY st.invoice_id, st.chain_role, st.id DESC
            )
            SELECT count(DISTINCT st.invoice_id)
            FROM steps st JOIN collections_open_invoice i ON i.id = st.invoice_id
            WHERE st.status = 'WAITING' AND CAST(:asOf AS date) - st.since > :stallDays
              AND i.amount >= :threshold
            """;
    private static final String RECORD = """
            INSERT INTO collections_daily (as_of, promises_evaluated, promises_kept, promises_broken, stalled_invoices,
                                           duration_ms)
            VALUES (:asOf, :evaluated, :kept, :broken, :stalled, :durationMs)
            ON CONFLICT (as_of) DO UPDATE
            SET promises_evaluated = EXCLUDED.promises_evaluated, promises_kept = EXCLUDED.promises_kept,
                promises_broken = EXCLUDED.promises_broken, stalled_invoices = EXCLUDED.stalled_invoices,
                duration_ms = EXCLUDED.duration_ms, run_at = now()
            """;

    private final JdbcClient jdbc;

    DailyCollectionsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int stalledInvoices(LocalDate asOf, int stallDays, BigDecimal threshold) {
        return jdbc.sql(STALLED)
                .param("asOf", asOf)
                .param("stallDays", stallDays)
                .param("threshold", threshold)
                .query(Integer.class)
                .single();
    }

    void record(LocalDate asOf, Promises.EvaluationResult promises, int stalled, long durationMs) {
        jdbc.sql(RECORD)
                .param("asOf", asOf)
                .param("evaluated", promises.evaluated())
                .param("kept", promises.kept())
                .param("broken", promises.broken())
                .param("stalled", stalled)
                .param("durationMs", durationMs)
                .update();
    }
}
