package org.creditdesk.customers;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's credit standing on a date, supplied by the credit module through
 * {@link CreditStatusView}: its state and hold reasons, and exposure, usable limit and what is left
 * of it in the limit's currency (the customer's without a limit). Figures are null when the credit
 * module could not establish them (a missing exchange rate).
 */
public record CreditStanding(
        CreditState creditState,
        List<String> holdReasons,
        @Nullable BigDecimal exposure,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal available,
        @Nullable String riskClass,
        List<BlockingReason> blockingReasons) {

    public CreditStanding {
        holdReasons = List.copyOf(holdReasons);
        blockingReasons = List.copyOf(blockingReasons);
    }

    public CreditStanding(
            CreditState creditState,
            List<String> holdReasons,
            @Nullable BigDecimal exposure,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal available,
            @Nullable String riskClass) {
        this(creditState, holdReasons, exposure, creditLimit, available, riskClass, List.of());
    }
}
