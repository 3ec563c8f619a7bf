package org.creditdesk.monitoring;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST|PATCH /legal-cases/{id}/status} as written.
 *
 * @param amountRecovered the total recovered so far (not an increment), so a repeated request is harmless
 */
public record LegalCaseChange(
        @Nullable String status,
        @Nullable String note,
        @Nullable BigDecimal amountRecovered) {}
