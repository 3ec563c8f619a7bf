package org.creditdesk.collections;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {

    private static final String LOAD = """
            SELECT chain_threshold, stall_days, service_due_business_days, new_overdue_days, broken_promise_days
            FROM collections_settings WHERE id = 1
            """;
    private static final String SAVE = """
            UPDATE collections_settings
            SET chain_threshold = :chainThreshold, stall_days = :stallDays,
                service_due_business_days = :serviceDue, new_overdue_days = :newOverdue,
                broken_promise_days = :brokenDays, updated_at = now(), updated_by = :by
            WHERE id = 1
            """;

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CollectionsSettings load() {
        return jdbc.sql(LOAD)
                .query((rs, n) -> new CollectionsSettings(
                        rs.getBigDecimal("chain_threshold"),
                        rs.getInt("stall_days"),
                        rs.getInt("service_due_business_days"),
                        rs.getInt("new_overdue_days"),
                        rs.getInt("broken_promise_days")))
                .single();
    }

    void save(CollectionsSettings s, String by) {
        jdbc.sql(SAVE)
                .param("chainThreshold", s.chainThreshold())
                .param("stallDays", s.stallDays())
                .param("serviceDue", s.serviceDueBusinessDays())
                .param("newOverdue", s.newOverdueDays())
                .param("brokenDays", s.brokenPromiseDays())
                .param("by", by)
                .update();
    }
}
