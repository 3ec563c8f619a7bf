package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A limit request as sent (API.md Credit). Currency left out = the company's currency; validFrom left
 * out = today; contractNo only for value-added customers' contract lines.
 */
public record NewLimitRequest(
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil,
        @Nullable LocalDate reviewOn,
        @Nullable String reason,
        @Nullable String contractNo) {}
