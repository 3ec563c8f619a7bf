package org.creditdesk.shared.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every decision and change. {@link #record} joins the caller's
 * transaction, so an audit row exists exactly when the change it describes committed. The database
 * refuses any update or delete of audit rows (V10__audit.sql).
 */
@Service
public class AuditTrail {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final AuditRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one change. {@code before} and {@code after} are any records (or null when the subject
     * did not exist before or does not exist after), stored as JSON.
     */
    @Transactional
    public long record(
            String actor,
            String action,
            String subjectType,
            String subjectId,
            @Nullable Object before,
            @Nullable Object after,
            @Nullable String reason) {
        return repository.insert(
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                actor,
                action,
                subjectType,
                subjectId,
                toJson(before),
                toJson(after),
                reason);
    }

    /** One subject's change in a batch recorded by {@link #recordAll}. */
    public record Change(
            String subjectId,
            @Nullable Object before,
            @Nullable Object after) {}

    /**
     * Records the same action by one actor on many subjects in one statement (batch jobs such as the
     * daily run); like {@link #record} it joins the caller's transaction. Returns the rows written.
     */
    @Transactional
    public int recordAll(
            String actor, String action, String subjectType, List<Change> changes, @Nullable String reason) {
        if (changes.isEmpty()) return 0;
        return repository.insertAll(
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                actor,
                action,
                subjectType,
                changes.stream().map(Change::subjectId).toArray(String[]::new),
                changes.stream().map(c -> toJson(c.before())).toArray(String[]::new),
                changes.stream().map(c -> toJson(c.after())).toArray(String[]::new),
                reason);
    }

    /** The newest entries first, optionally for one subject type and id. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(@Nullable String subjectType, @Nullable String subjectId, int limit) {
        int bounded = Math.clamp(limit, 1, MAX_LIMIT);
        return repository.find(subjectType, subjectId, bounded);
    }

    private @Nullable String toJson(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
