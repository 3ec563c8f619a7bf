package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /invoices}. */
public record IssueInvoice(
        @Nullable String invoiceNo,
        @Nullable String customerCode,
        @Nullable String orderNo,
        @Nullable LocalDate issueDate,
        @Nullable LocalDate dueDate,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String productLine) {}
