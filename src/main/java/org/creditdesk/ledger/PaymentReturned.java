package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;

/**
 * The bank took back a payment that was not a cheque (a returned or reversed transfer): its
 * settlements were reversed on {@code returnedOn}, {@code reopened} is open again and {@code
 * unapplied} no longer sits on the account. Unlike {@link ChequeBounced} it stops no credit.
 */
public record PaymentReturned(
        long paymentId,
        String paymentNo,
        long customerId,
        String customerCode,
        PaymentMethod method,
        Money amount,
        Money reopened,
        Money unapplied,
        LocalDate returnedOn,
        String reason) {}
