package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One run in the history ({@code GET /daily-runs}, the run history page), failed and interrupted
 * attempts included: status RUNNING, COMPLETED, FAILED, INTERRUPTED (started, never finished) or
 * SUPERSEDED (a later reset run of an earlier date took its holds back).
 */
public record DailyRunRecord(
        long id,
        LocalDate asOf,
        String status,
        String runBy,
        OffsetDateTime startedAt,
        @Nullable OffsetDateTime finishedAt,
        long durationMs,
        int customersEvaluated,
        int newHolds,
        int releasedHolds,
        Map<String, Integer> escalations,
        Map<String, Integer> escalationsEntered,
        int tasksCreated,
        int lettersGenerated,
        int legalCasesOpened,
        List<AgingLine> aging,
        @Nullable String error) {

    /** The aging snapshot of the run: one bucket in one currency. */
    public record AgingLine(String bucket, String currency, int customers, long invoices, BigDecimal openAmount) {}
}
