package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /credit-notes}. The currency is optional and defaults to the credited invoice's, or
 * the customer's when the note credits no invoice.
 */
public record IssueCreditNote(
        @Nullable String creditNoteNo,
        @Nullable String customerCode,
        @Nullable String invoiceNo,
        @Nullable LocalDate issueDate,
        @Nullable BigDecimal amount,
        @Nullable String reason,
        @Nullable String currency) {}
