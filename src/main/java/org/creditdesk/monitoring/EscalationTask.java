package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.creditdesk.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * A task of one responsible person, created when a customer entered a level; the figures are those
 * of the day it entered. {@code leftOn} is set once the customer has left that level.
 */
public record EscalationTask(
        long id,
        String customerCode,
        String customerName,
        int level,
        LocalDate enteredOn,
        @Nullable LocalDate leftOn,
        int daysOverdue,
        BigDecimal overdueAmount,
        String currency,
        boolean procedural,
        Role role,
        LocalDate createdOn,
        @Nullable OffsetDateTime doneAt,
        @Nullable String note) {

    public boolean open() {
        return doneAt == null;
    }
}
