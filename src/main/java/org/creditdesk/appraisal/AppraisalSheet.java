package org.creditdesk.appraisal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A period's appraisal of every rep the caller may see: while the period is {@code OPEN}, the KPIs the daily
 * run (or a manager's recompute) stored for it, as of {@code asOf} and computed at {@code kpisComputedAt},
 * else live ({@code kpisComputedAt} empty); the frozen newest revision once {@code CLOSED}.
 */
public record AppraisalSheet(
        String period,
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        String status,
        @Nullable Integer revision,
        @Nullable String closedBy,
        @Nullable OffsetDateTime closedAt,
        String currency,
        @Nullable OffsetDateTime kpisComputedAt,
        List<RepAppraisal> reps) {

    public AppraisalSheet {
        reps = List.copyOf(reps);
    }

    public boolean closed() {
        return status.equals("CLOSED");
    }
}
