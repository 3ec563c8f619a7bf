package org.creditdesk.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounced-cheque rules: by what share a reinstated customer's limit is cut (default half) and within
 * how many months a second bounce stops credit for good (default 24).
 */
@ConfigurationProperties("creditdesk.risk.bounces")
record BounceSettings(
        @Nullable BigDecimal reinstatementLimitCut,
        @Nullable Integer foreverWithinMonths) {

    static final BigDecimal DEFAULT_CUT = new BigDecimal("0.50");
    static final int DEFAULT_MONTHS = 24;

    BounceSettings {
        if (reinstatementLimitCut == null) reinstatementLimitCut = DEFAULT_CUT;
        if (foreverWithinMonths == null) foreverWithinMonths = DEFAULT_MONTHS;
        if (reinstatementLimitCut.signum() < 0 || reinstatementLimitCut.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(
                    "creditdesk.risk.bounces.reinstatement-limit-cut must be between 0 and 1");
        }
        if (foreverWithinMonths < 1) {
            throw new IllegalArgumentException("creditdesk.risk.bounces.forever-within-months must be 1 or more");
        }
    }

    BigDecimal cut() {
        return reinstatementLimitCut == null ? DEFAULT_CUT : reinstatementLimitCut;
    }

    int months() {
        return foreverWithinMonths == null ? DEFAULT_MONTHS : foreverWithinMonths;
    }
}
