package org.creditdesk.collections;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /invoices/{invoiceNo}/approval} as written. */
public record ApprovalInput(
        @Nullable String chainRole,
        @Nullable String status,
        @Nullable LocalDate on,
        @Nullable String note,
        @Nullable Long contactId) {}
