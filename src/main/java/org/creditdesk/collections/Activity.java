package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One recorded contact with the customer. */
public record Activity(
        long id,
        String customerCode,
        ActivityType type,
        LocalDate on,
        @Nullable Long contactId,
        @Nullable String contactName,
        List<String> invoiceNos,
        String note,
        @Nullable LocalDate nextActionOn,
        String createdBy) {}
