package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /invoices/{invoiceNo}/approval} as written. A BLOCKER's objection may carry the dispute it
 * raises ({@code dispute}: reason and amount), stored with the step in one transaction.
 */
public record ApprovalInput(
        @Nullable String chainRole,
        @Nullable String status,
        @Nullable LocalDate on,
        @Nullable String note,
        @Nullable Long contactId,
        @Nullable Objection dispute) {

    /** A step without a dispute. */
    public ApprovalInput(
            @Nullable String chainRole,
            @Nullable String status,
            @Nullable LocalDate on,
            @Nullable String note,
            @Nullable Long contactId) {
        this(chainRole, status, on, note, contactId, null);
    }

    /** The dispute a BLOCKER's objection raises (API.md disputes' reason and amount). */
    public record Objection(
            @Nullable String reason, @Nullable BigDecimal amount) {}
}
