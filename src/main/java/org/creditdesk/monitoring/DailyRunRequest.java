package org.creditdesk.monitoring;

import org.jspecify.annotations.Nullable;

/**
 * What to run: a business date (default today); {@code force} lets an ADMIN run a date further ahead
 * than {@code creditdesk.daily-run.max-days-ahead}; {@code reset} makes an earlier date the newest
 * again (the holds of later runs are followed back to it, those runs become SUPERSEDED) — the recovery
 * from a run of a wrong future date. Both need an ADMIN and a reason, and both are audited.
 */
public record DailyRunRequest(
        java.time.@Nullable LocalDate asOf,
        boolean force,
        boolean reset,
        @Nullable String reason) {

    public static DailyRunRequest of(java.time.@Nullable LocalDate asOf) {
        return new DailyRunRequest(asOf, false, false, null);
    }
}
