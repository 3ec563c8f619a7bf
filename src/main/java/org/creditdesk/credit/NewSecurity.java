package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A security as sent; currency left out = the company's currency. */
public record NewSecurity(
        @Nullable String type,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable LocalDate expiresOn,
        @Nullable String reference,
        @Nullable String contractNo) {}
