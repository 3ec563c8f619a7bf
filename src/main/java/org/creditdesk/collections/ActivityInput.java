package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/activities} as written. */
public record ActivityInput(
        @Nullable String type,
        @Nullable LocalDate on,
        @Nullable Long contactId,
        @Nullable List<String> invoiceNos,
        @Nullable String note,
        @Nullable LocalDate nextActionOn) {}
