package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A cheque bounced: its settlements were reversed on {@code bouncedOn}, so {@code reopened} is open
 * again and {@code unapplied} no longer sits on the customer's account. Published inside the
 * bounce's transaction.
 */
public record ChequeBounced(
        long paymentId,
        String paymentNo,
        long customerId,
        String customerCode,
        @Nullable String chequeNo,
        Money amount,
        Money reopened,
        Money unapplied,
        LocalDate bouncedOn,
        String reason) {}
