package org.creditdesk.appraisal;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A manager's rating of a rep for a period, each score 1..5. */
public record Rating(
        int responsibility,
        int execution,
        int communication,
        int experience,
        @Nullable String note,
        String ratedBy,
        OffsetDateTime ratedAt) {}
