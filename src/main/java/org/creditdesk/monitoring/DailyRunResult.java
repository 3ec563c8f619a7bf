package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /daily-runs}: what one run found and did. Figures that describe the date
 * ({@code customersEvaluated}, {@code escalations}: customers on each level) are the same when the date
 * is run again; figures that count changes ({@code newHolds}, {@code releasedHolds},
 * {@code lettersGenerated}, {@code escalationsEntered}, {@code tasksCreated}, {@code legalCasesOpened})
 * are zero on a rerun, because it changes nothing.
 *
 * @param escalations customers on each level ("1".."4") as of the date
 * @param lettersGenerated escalation e-mails queued by this run (sent after it commits)
 * @param escalationsEntered customers that entered each level in this run
 */
public record DailyRunResult(
        long runId,
        LocalDate asOf,
        int customersEvaluated,
        int newHolds,
        int releasedHolds,
        Map<String, Integer> escalations,
        int lettersGenerated,
        Map<String, Integer> escalationsEntered,
        int tasksCreated,
        int legalCasesOpened,
        long durationMs) {}
