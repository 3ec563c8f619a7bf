package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.creditdesk.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * A customer's place on the escalation ladder as of a date ({@code GET /escalations}), with the
 * people the responsible roles resolve to and the last thing one of them did.
 *
 * @param overdueAmount in the customer's currency
 * @param enteredOn when the current episode began (null until a run has recorded it)
 */
public record Escalation(
        String customerCode,
        String customerName,
        String area,
        int level,
        int daysOverdue,
        LocalDate oldestDueDate,
        BigDecimal overdueAmount,
        String currency,
        boolean procedural,
        List<Role> responsibleRoles,
        List<String> responsiblePeople,
        @Nullable LocalDate enteredOn,
        @Nullable LastAction lastAction) {

    public Escalation {
        responsibleRoles = List.copyOf(responsibleRoles);
        responsiblePeople = List.copyOf(responsiblePeople);
    }

    public record LastAction(
            OffsetDateTime at, String by, @Nullable String note) {}
}
