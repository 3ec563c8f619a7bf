package org.creditdesk.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * The part of a release's authority that comes from why the order is blocked (issue 15 finding 10):
 * rows of {@code release_reason_authority} say which reasons (from which escalation level) only the
 * general manager may release past, and which no one may. Plain rules, no Spring.
 */
record ReleaseSeverity(List<Row> rows) {

    enum Needs {
        GENERAL_MANAGER,
        NOBODY
    }

    /** One row of the matrix: a reason code, the escalation level it applies from (null: always), who may. */
    record Row(String reason, @Nullable Integer fromLevel, Needs needs) {}

    ReleaseSeverity {
        rows = List.copyOf(rows);
    }

    /**
     * Null when the blocking reasons put no bar above the amount authority; else the refusal naming the
     * authority needed.
     */
    @Nullable
    String refusal(Set<ReasonCode> reasons, int escalationLevel, Caller caller) {
        List<String> needGeneralManager = new ArrayList<>();
        for (Row row : rows) {
            boolean applies = reasons.stream().anyMatch(r -> r.name().equals(row.reason()))
                    && (row.fromLevel() == null || escalationLevel >= row.fromLevel());
            if (!applies) continue;
            String why = row.fromLevel() == null
                    ? row.reason()
                    : "%s at escalation level %d".formatted(row.reason(), escalationLevel);
            switch (row.needs()) {
                case NOBODY -> {
                    return "An order blocked by %s can never be released; lift the cause first".formatted(row.reason());
                }
                case GENERAL_MANAGER -> needGeneralManager.add(why);
            }
        }
        if (!needGeneralManager.isEmpty() && !caller.has(Role.GENERAL_MANAGER)) {
            return "Releasing past %s needs the general manager (GENERAL_MANAGER)"
                    .formatted(String.join(" and ", needGeneralManager));
        }
        return null;
    }
}
