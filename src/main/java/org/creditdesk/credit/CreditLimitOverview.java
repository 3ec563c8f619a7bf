package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything about a customer's credit lines as of a date: the overall line, contract lines, the
 * securities, every limit version with who requested and approved it, and requests still pending.
 */
public record CreditLimitOverview(
        String customerCode,
        LocalDate asOf,
        @Nullable Line limit,
        List<Line> contracts,
        List<CreditSecurity> securities,
        List<CreditLimitVersion> history,
        List<CreditLimitRequest> pendingRequests) {

    /** A line as of {@code asOf}: {@code usable} = amount + valid securities while ACTIVE, else 0. */
    public record Line(
            @Nullable String contractNo,
            BigDecimal amount,
            String currency,
            BigDecimal securities,
            BigDecimal usable,
            LocalDate validFrom,
            LocalDate validUntil,
            @Nullable LocalDate reviewOn,
            LimitState state,
            String approvedBy) {}
}
