package org.creditdesk.collections;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code GET /collections/worklist}: whose list, for which date, filtered and paged. */
public record WorklistQuery(
        @Nullable LocalDate asOf,
        @Nullable String collector,
        @Nullable String reason,
        @Nullable String area,
        @Nullable Integer level,
        int page,
        int size) {}
