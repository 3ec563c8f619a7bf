package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A credit note; what it did not settle on its invoice stays unapplied credit. */
public record CreditNote(
        String creditNoteNo,
        String customerCode,
        @Nullable String invoiceNo,
        LocalDate issueDate,
        BigDecimal amount,
        String currency,
        String reason,
        BigDecimal unapplied) {}
