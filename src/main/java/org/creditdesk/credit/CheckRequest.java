package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /credit-checks} as written; the currency defaults to the customer's. */
public record CheckRequest(
        @Nullable String customerCode,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable LocalDate asOf,
        @Nullable String contractNo) {}
