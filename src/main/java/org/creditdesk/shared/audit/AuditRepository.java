package org.creditdesk.shared.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AuditRepository {

    private static final String INSERT = """
            INSERT INTO audit_log (at, actor, action, subject_type, subject_id, before, after, reason)
            VALUES (:at, :actor, :action, :subjectType, :subjectId,
                    CAST(:before AS jsonb), CAST(:after AS jsonb), :reason)
            RETURNING id
            """;
    private static final String INSERT_ALL = """
            INSERT INTO audit_log (at, actor, action, subject_type, subject_id, before, after, reason)
            SELECT CAST(:at AS timestamptz), CAST(:actor AS text), CAST(:action AS text), CAST(:subjectType AS text),
                   c.subject_id, CAST(c.before AS jsonb), CAST(c.after AS jsonb), CAST(:reason AS text)
            FROM unnest(CAST(:subjectIds AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[]))
                WITH ORDINALITY AS c (subject_id, before, after, n)
            ORDER BY c.n
            """;
    private static final String FIND = """
            SELECT id, at, actor, action, subject_type, subject_id, before::text AS before, after::text AS after, reason
            FROM audit_log
            WHERE (CAST(:subjectType AS text) IS NULL OR subject_type = :subjectType)
              AND (CAST(:subjectId AS text) IS NULL OR subject_id = :subjectId)
            ORDER BY id DESC
            LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        // Amounts in stored JSON are exact decimals; reading them as doubles would round them.
        this.json = json.rebuild()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    long insert(
            OffsetDateTime at,
            String actor,
            String action,
            String subjectType,
            String subjectId,
            @Nullable String before,
            @Nullable String after,
            @Nullable String reason) {
        return jdbc.sql(INSERT)
                .param("at", at)
                .param("actor", actor)
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("before", before)
                .param("after", after)
                .param("reason", reason)
                .query(Long.class)
                .single();
    }

    int insertAll(
            OffsetDateTime at,
            String actor,
            String action,
            String subjectType,
            String[] subjectIds,
            @Nullable String[] befores,
            @Nullable String[] afters,
            @Nullable String reason) {
        return jdbc.sql(INSERT_ALL)
                .param("at", at)
                .param("actor", actor)
                .param("action", action)
                .param("subjectType", subjectType)
                .param("subjectIds", subjectIds)
                .param("befores", befores)
                .param("afters", afters)
                .param("reason", reason)
                .update();
    }

    List<AuditEntry> find(@Nullable String subjectType, @Nullable String subjectId, int limit) {
        return jdbc.sql(FIND)
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        tree(rs.getString("before")),
                        tree(rs.getString("after")),
                        rs.getString("reason")))
                .list();
    }

    private @Nullable JsonNode tree(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }
}
