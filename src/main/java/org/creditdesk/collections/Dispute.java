package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A customer's objection to (part of) an invoice. */
public record Dispute(
        long id,
        String customerCode,
        String customerName,
        String invoiceNo,
        DisputeReason reason,
        BigDecimal amount,
        String currency,
        LocalDate raisedOn,
        @Nullable String note,
        DisputeStatus status,
        @Nullable DisputeOutcome outcome,
        @Nullable BigDecimal creditNoteAmount,
        @Nullable String creditNoteNo,
        @Nullable LocalDate resolvedOn,
        @Nullable ServiceCase serviceCase) {}
