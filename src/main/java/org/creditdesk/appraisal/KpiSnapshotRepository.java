package org.creditdesk.appraisal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored KPIs of open periods (V71), one computation per period, as JSON rows of {@link RepKpis}. */
@Repository
class KpiSnapshotRepository {

    /** A stored computation: the date the KPIs are as of, when and by whom they were computed. */
    record Stored(LocalDate asOf, OffsetDateTime computedAt, String computedBy, String kpis) {}

    private final JdbcClient jdbc;

    KpiSnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(String periodKey) {
        return jdbc.sql("""
                        SELECT as_of, computed_at, computed_by, CAST(kpis AS text) AS kpis
                          FROM appraisal_kpi_snapshot WHERE period_key = :period
                        """)
                .param("period", periodKey)
                .query((rs, n) -> new Stored(
                        rs.getObject("as_of", LocalDate.class),
                        rs.getObject("computed_at", OffsetDateTime.class),
                        rs.getString("computed_by"),
                        rs.getString("kpis")))
                .optional();
    }

    /** The newest computation wins when two race (a daily run and a manager's recompute). */
    void store(String periodKey, LocalDate asOf, OffsetDateTime computedAt, String computedBy, String kpis) {
        jdbc.sql("""
                        INSERT INTO appraisal_kpi_snapshot (period_key, as_of, computed_at, computed_by, kpis)
                        VALUES (:period, :asOf, :at, :by, CAST(:kpis AS jsonb))
                        ON CONFLICT (period_key) DO UPDATE
                           SET as_of = excluded.as_of, computed_at = excluded.computed_at,
                               computed_by = excluded.computed_by, kpis = excluded.kpis
                         WHERE appraisal_kpi_snapshot.computed_at <= excluded.computed_at
                        """)
                .param("period", periodKey)
                .param("asOf", asOf)
                .param("at", computedAt)
                .param("by", computedBy)
                .param("kpis", kpis)
                .update();
    }
}
