package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.shared.Money;

/** An invoice was issued; it is open for its whole amount. */
public record InvoiceIssued(
        long invoiceId,
        String invoiceNo,
        long customerId,
        Money amount,
        String currency,
        LocalDate issueDate,
        LocalDate dueDate) {}
