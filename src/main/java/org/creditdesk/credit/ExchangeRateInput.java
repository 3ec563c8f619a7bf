package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One rate of {@code PUT /exchange-rates} as written. */
public record ExchangeRateInput(
        @Nullable String from,
        @Nullable String to,
        @Nullable BigDecimal rate,
        @Nullable LocalDate validOn) {}
