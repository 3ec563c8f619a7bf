package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerOutcomeRepository {

    record Stored(
            long customerId,
            String type,
            LocalDate on,
            @Nullable String note,
            @Nullable String recordedBy) {}

    // A whole file in one statement; an outcome already recorded is left alone.
    private static final String INSERT = """
            INSERT INTO customer_outcome (customer_id, type, occurred_on, note, created_by, created_at)
            SELECT c, t, o, n, :by, :at
            FROM unnest(CAST(:customers AS bigint[]), CAST(:types AS text[]), CAST(:dates AS date[]),
                        CAST(:notes AS text[])) AS s (c, t, o, n)
            ON CONFLICT (customer_id, type, occurred_on) DO NOTHING
            """;
    private static final String OF_CUSTOMER = """
            SELECT customer_id, type, occurred_on, note, created_by FROM customer_outcome
            WHERE customer_id = :customerId ORDER BY occurred_on DESC, type
            """;

    private final JdbcClient jdbc;

    CustomerOutcomeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the outcomes not yet recorded; returns how many were new. */
    int insert(List<Stored> outcomes, String by, OffsetDateTime at) {
        if (outcomes.isEmpty()) return 0;
        return jdbc.sql(INSERT)
                .param("customers", outcomes.stream().map(Stored::customerId).toArray(Long[]::new))
                .param("types", outcomes.stream().map(Stored::type).toArray(String[]::new))
                .param(
                        "dates",
                        outcomes.stream()
                                .map(o -> java.sql.Date.valueOf(o.on()))
                                .toArray(java.sql.Date[]::new))
                .param("notes", outcomes.stream().map(Stored::note).toArray(String[]::new))
                .param("by", by)
                .param("at", at)
                .update();
    }

    List<Stored> ofCustomer(long customerId) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .query((rs, n) -> new Stored(
                        rs.getLong("customer_id"),
                        rs.getString("type"),
                        rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("note"),
                        rs.getString("created_by")))
                .list();
    }
}
