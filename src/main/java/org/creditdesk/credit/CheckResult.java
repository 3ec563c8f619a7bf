package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A credit decision with the figures it was taken on, all in {@code currency} (the line's, else the
 * customer's): the exposure before the amount asked for, the usable line (limit plus valid
 * securities; zero when expired, null when there is none) and what is left of it. Figures are null
 * when they could not be established (a missing rate, a check that failed closed).
 */
public record CheckResult(
        CreditDecision decision,
        LocalDate asOf,
        String currency,
        @Nullable Exposure breakdown,
        @Nullable Money requested,
        @Nullable BigDecimal creditLimit) {

    public List<Reason> reasons() {
        return decision.reasons();
    }

    public @Nullable BigDecimal exposure() {
        return breakdown == null ? null : breakdown.total().amount();
    }

    public @Nullable BigDecimal available() {
        BigDecimal exposure = exposure();
        return creditLimit == null || exposure == null ? null : creditLimit.subtract(exposure);
    }

    /** The same figures once the amount asked for is released and counts in exposure. */
    CheckResult withRequestedReleased() {
        if (breakdown == null || requested == null) return this;
        return new CheckResult(decision, asOf, currency, breakdown.withReleased(requested), requested, creditLimit);
    }
}
