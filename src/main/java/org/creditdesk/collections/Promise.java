package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A promise to pay and how it stands as of its last evaluation (from payments only). */
public record Promise(
        long id,
        String customerCode,
        LocalDate madeOn,
        LocalDate promisedOn,
        BigDecimal amount,
        String currency,
        List<String> invoiceNos,
        @Nullable Long contactId,
        boolean written,
        @Nullable String note,
        PromiseStatus status,
        BigDecimal paidAmount,
        @Nullable LocalDate evaluatedOn) {}
