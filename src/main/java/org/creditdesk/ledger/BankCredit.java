package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A credit on the company's bank account that may be a customer's payment: what the statement says
 * about it. {@code paymentNo} is the number the payment gets when booked (stable per entry, so a
 * second booking of the same entry changes nothing).
 */
public record BankCredit(
        String paymentNo,
        LocalDate receivedOn,
        BigDecimal amount,
        String currency,
        boolean cheque,
        @Nullable String chequeNo,
        @Nullable String payerAccount,
        @Nullable String payerName,
        List<String> structuredRefs,
        String remittance) {

    public BankCredit {
        structuredRefs = List.copyOf(structuredRefs);
    }
}
