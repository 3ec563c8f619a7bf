package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Collateral held for a customer (or one of its contracts), valid until {@code expiresOn} inclusive. */
public record CreditSecurity(
        long id,
        SecurityType type,
        @Nullable String contractNo,
        BigDecimal amount,
        String currency,
        LocalDate expiresOn,
        @Nullable String reference,
        String createdBy,
        OffsetDateTime createdAt) {

    public boolean validOn(LocalDate asOf) {
        return !asOf.isAfter(expiresOn);
    }
}
