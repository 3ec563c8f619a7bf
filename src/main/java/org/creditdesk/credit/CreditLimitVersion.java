package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One version of a credit line with the four eyes behind it; {@code supersededAt} empty = current. */
public record CreditLimitVersion(
        long id,
        @Nullable String contractNo,
        BigDecimal amount,
        String currency,
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable LocalDate reviewOn,
        long requestId,
        String requestedBy,
        String reason,
        String approvedBy,
        OffsetDateTime approvedAt,
        @Nullable String approvalComment,
        @Nullable OffsetDateTime supersededAt) {}
