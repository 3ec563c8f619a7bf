package org.creditdesk.risk;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code score_outcome_setting} (V104): the outcome the company fits its cards to. */
@Repository
class ScoreOutcomeSettingRepository {

    record Stored(
            String kind,
            int days,
            int months,
            @Nullable String changedBy,
            @Nullable OffsetDateTime changedAt) {}

    private final JdbcClient jdbc;

    ScoreOutcomeSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Stored read() {
        return jdbc.sql("SELECT kind, days, months, changed_by, changed_at FROM score_outcome_setting WHERE id = 1")
                .query((rs, n) -> new Stored(
                        rs.getString("kind"),
                        rs.getInt("days"),
                        rs.getInt("months"),
                        rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class)))
                .single();
    }

    void save(String kind, int days, int months, String by, OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE score_outcome_setting
                        SET kind = :kind, days = :days, months = :months, changed_by = :by, changed_at = :at
                        WHERE id = 1
                        """)
                .param("kind", kind)
                .param("days", days)
                .param("months", months)
                .param("by", by)
                .param("at", at)
                .update();
    }
}
