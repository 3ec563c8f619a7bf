package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A stored scorecard as listed: which group, version and source, whether active, the fit report (JSON). */
public record ScorecardHeader(
        long id,
        String name,
        String businessGroup,
        int version,
        boolean active,
        String source,
        BigDecimal netWorthCapShare,
        @Nullable String fitReport,
        String createdBy,
        OffsetDateTime createdAt,
        @Nullable String adoptedBy,
        @Nullable OffsetDateTime adoptedAt) {}
