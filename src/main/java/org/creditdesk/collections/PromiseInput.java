package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/promises} as written; {@code asOf} is the date it was given (default today). */
public record PromiseInput(
        @Nullable LocalDate promisedOn,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable List<String> invoiceNos,
        @Nullable Long contactId,
        @Nullable Boolean written,
        @Nullable String note,
        @Nullable LocalDate asOf) {}
