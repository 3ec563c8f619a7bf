package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /disputes/{id}/resolve} as written; the credit note amount defaults to the disputed amount. */
public record DisputeResolution(
        @Nullable String outcome,
        @Nullable BigDecimal creditNoteAmount,
        @Nullable LocalDate on,
        @Nullable String note) {}
