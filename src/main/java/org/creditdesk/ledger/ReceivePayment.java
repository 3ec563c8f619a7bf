package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /payments}; without allocations the payment settles the oldest open invoices first. */
public record ReceivePayment(
        @Nullable String paymentNo,
        @Nullable String customerCode,
        @Nullable LocalDate receivedOn,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String method,
        @Nullable String chequeNo,
        @Nullable List<RequestedAllocation> allocations) {

    public record RequestedAllocation(
            @Nullable String invoiceNo, @Nullable BigDecimal amount) {}
}
