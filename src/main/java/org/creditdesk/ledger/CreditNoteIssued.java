package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/** A credit note was issued, settling its invoice up to the open amount; the rest is unapplied credit. */
public record CreditNoteIssued(
        long creditNoteId,
        String creditNoteNo,
        long customerId,
        @Nullable String invoiceNo,
        Money amount,
        LocalDate issueDate,
        Money unapplied) {}
