package org.creditdesk.appraisal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One action a grade leads to, from the settings table: after {@code occurrence} consecutive periods with
 * that grade, with an amount or a share when the action has one.
 */
public record Measure(
        Grade grade,
        int occurrence,
        int position,
        String action,
        @Nullable BigDecimal amount,
        @Nullable BigDecimal share) {}
