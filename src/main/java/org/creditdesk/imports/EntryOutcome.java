package org.creditdesk.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What one entry of an imported statement became; {@code entryId} is null for a duplicate. */
public record EntryOutcome(
        @Nullable Long entryId,
        String location,
        LocalDate bookedOn,
        BigDecimal amount,
        String currency,
        String direction,
        Kind outcome,
        @Nullable String paymentNo,
        @Nullable String customerCode,
        @Nullable String note) {

    public enum Kind {
        /** A payment of an identified customer, applied to invoices. */
        MATCHED,
        /** A payment of an identified customer with nothing open to apply: it stays on account. */
        ON_ACCOUNT,
        /** No customer, or several: waits in the queue. */
        UNMATCHED,
        /** Taken out of the queue by a user, who chose the customer. */
        ASSIGNED,
        /** A return or reversal that took back a payment. */
        RETURNED,
        /** A return or reversal of no payment CreditDesk booked. */
        RETURN_UNMATCHED,
        /** A debit that is not a return, or a credit that is not a customer's payment. */
        IGNORED,
        /** Known already from an earlier file. */
        DUPLICATE
    }
}
