package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One entry of the alert feed ({@code GET /risk/alerts?after=}). */
public record Alert(
        long id,
        OffsetDateTime at,
        String customerCode,
        AlertType type,
        String message,
        @Nullable String relatedCustomerCode,
        @Nullable LocalDate businessDate) {}
