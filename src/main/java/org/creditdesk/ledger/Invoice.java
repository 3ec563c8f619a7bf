package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An invoice and what is still open on it today. */
public record Invoice(
        String invoiceNo,
        String customerCode,
        @Nullable String orderNo,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        @Nullable String productLine) {}
