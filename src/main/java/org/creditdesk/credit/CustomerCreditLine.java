package org.creditdesk.credit;

import java.time.LocalDate;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A customer's credit line (overall or one contract's) as of a date: the approved limit, the valid
 * securities in the limit's currency that raise it, and whether it can be drawn on at all.
 */
public record CustomerCreditLine(
        long customerId,
        @Nullable String contractNo,
        Money limit,
        Money securities,
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable LocalDate reviewOn,
        LimitState state) {

    /** What orders may draw on: limit plus securities while the limit is valid, else nothing. */
    public Money usable() {
        return state == LimitState.ACTIVE ? limit.plus(securities) : Money.zero(limit.currency());
    }

    public boolean expired() {
        return state == LimitState.EXPIRED;
    }
}
