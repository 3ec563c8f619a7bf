package org.creditdesk.credit;

import java.time.LocalDate;

/** Whether a limit can be drawn on at a business date. */
public enum LimitState {
    ACTIVE,
    /** Past its validity: the credit check answers {@code LIMIT_EXPIRED}. */
    EXPIRED,
    NOT_YET_VALID;

    public static LimitState of(LocalDate validFrom, LocalDate validUntil, LocalDate asOf) {
        if (asOf.isAfter(validUntil)) return EXPIRED;
        if (asOf.isBefore(validFrom)) return NOT_YET_VALID;
        return ACTIVE;
    }
}
