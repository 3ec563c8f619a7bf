package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A proposed limit; it takes effect only when approved by another user whose authority covers it.
 * {@code contractNo} empty means the customer's overall limit.
 */
public record CreditLimitRequest(
        long id,
        String customerCode,
        String areaCode,
        @Nullable String contractNo,
        BigDecimal amount,
        String currency,
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable LocalDate reviewOn,
        String reason,
        LimitRequestStatus status,
        String requestedBy,
        OffsetDateTime requestedAt,
        @Nullable String decidedBy,
        @Nullable OffsetDateTime decidedAt,
        @Nullable String decisionComment) {

    public Money money() {
        return Money.of(amount, currency);
    }

    CreditLimitRequest decided(LimitRequestStatus to, String by, OffsetDateTime at, @Nullable String comment) {
        return new CreditLimitRequest(
                id,
                customerCode,
                areaCode,
                contractNo,
                amount,
                currency,
                validFrom,
                validUntil,
                reviewOn,
                reason,
                to,
                requestedBy,
                requestedAt,
                by,
                at,
                comment);
    }
}
