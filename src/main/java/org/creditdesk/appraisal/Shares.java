package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Shares as fractions with four decimals; null when there is nothing to divide by. */
final class Shares {

    private Shares() {}

    static @Nullable BigDecimal of(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
