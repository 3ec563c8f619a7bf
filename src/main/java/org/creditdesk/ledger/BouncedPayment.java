package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A bounced cheque and the settlements its bounce reversed; those invoices are open again. */
public record BouncedPayment(
        String paymentNo,
        String customerCode,
        @Nullable String chequeNo,
        BigDecimal amount,
        String currency,
        LocalDate receivedOn,
        LocalDate bouncedOn,
        String reason,
        String status,
        List<Reopened> reopened) {

    public BouncedPayment {
        reopened = List.copyOf(reopened);
    }

    /** An invoice the cheque had settled, by how much it is open again. */
    public record Reopened(String invoiceNo, BigDecimal amount) {}
}
