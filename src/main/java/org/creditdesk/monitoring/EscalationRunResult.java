package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one evaluation of the ladder found and did.
 *
 * @param customersAtLevel customers on each level (keys "1".."4", every level present) as of the date
 * @param entered customers that entered each level in this evaluation (zero on a rerun)
 * @param left episodes closed in this evaluation (customer paid or moved to another level)
 */
public record EscalationRunResult(
        LocalDate asOf,
        int customersEvaluated,
        Map<String, Integer> customersAtLevel,
        Map<String, Integer> entered,
        int left,
        int tasksCreated,
        int mailsQueued) {}
