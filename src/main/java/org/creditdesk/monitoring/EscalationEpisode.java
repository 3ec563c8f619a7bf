package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One stay of a customer on a level: when it entered, when it left (null while still there), and why. */
public record EscalationEpisode(
        int level,
        LocalDate enteredOn,
        @Nullable LocalDate leftOn,
        int daysOverdue,
        BigDecimal overdueAmount,
        String currency,
        boolean procedural) {}
