package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A payment received, the invoices it settled, and what stays on account. */
public record Payment(
        String paymentNo,
        String customerCode,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        PaymentMethod method,
        @Nullable String chequeNo,
        BigDecimal unapplied,
        String status,
        List<Applied> allocations) {

    public Payment {
        allocations = List.copyOf(allocations);
    }

    /** One settlement of an invoice by this payment, effective on {@code allocatedOn}. */
    public record Applied(String invoiceNo, BigDecimal amount, LocalDate allocatedOn) {}
}
