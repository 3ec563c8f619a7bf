package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /invoices/{invoiceNo}/disputes} as written. */
public record DisputeInput(
        @Nullable String reason,
        @Nullable BigDecimal amount,
        @Nullable LocalDate raisedOn,
        @Nullable String note) {}
