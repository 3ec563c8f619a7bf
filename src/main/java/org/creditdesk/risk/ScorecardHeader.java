package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A stored scorecard as listed: which group and segment (HISTORY, or THIN_FILE for customers with at
 * most {@code thinFileMaxInvoices} invoices due in 12 months), version and source, whether active, the
 * fit report (JSON).
 */
public record ScorecardHeader(
        long id,
        String name,
        String businessGroup,
        String segment,
        @Nullable Integer thinFileMaxInvoices,
        int version,
        boolean active,
        String source,
        BigDecimal netWorthCapShare,
        @Nullable String fitReport,
        String createdBy,
        OffsetDateTime createdAt,
        @Nullable String adoptedBy,
        @Nullable OffsetDateTime adoptedAt) {}
