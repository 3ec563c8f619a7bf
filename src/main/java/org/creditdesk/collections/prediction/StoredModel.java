package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A fitted payment model as stored, with its quality report (JSON) and whether it is the adopted one. */
record StoredModel(
        long id,
        LocalDate fittedAsOf,
        String fittedBy,
        OffsetDateTime fittedAt,
        List<String> features,
        PaymentModel model,
        String report,
        String status,
        @Nullable String adoptedBy,
        @Nullable OffsetDateTime adoptedAt) {}
