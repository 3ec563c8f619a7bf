package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;

/** A payment was received and applied; {@code unapplied} stays on the customer's account. */
public record PaymentReceived(
        long paymentId,
        String paymentNo,
        long customerId,
        Money amount,
        String currency,
        LocalDate receivedOn,
        PaymentMethod method,
        Money unapplied) {}
