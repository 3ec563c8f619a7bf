package org.creditdesk.shared.audit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One row of the audit trail: who did what to which subject, when, the state before and after, and why. */
public record AuditEntry(
        long id,
        OffsetDateTime at,
        String actor,
        String action,
        String subjectType,
        String subjectId,
        @Nullable JsonNode before,
        @Nullable JsonNode after,
        @Nullable String reason) {}
