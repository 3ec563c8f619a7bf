package org.creditdesk.risk;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A customer reinstated after a bounced cheque, with its cut limit (none when it had no limit). */
public record BounceReinstatement(
        String customerCode,
        String creditState,
        @Nullable BigDecimal previousLimit,
        @Nullable BigDecimal creditLimit,
        @Nullable String currency,
        BigDecimal limitCut,
        String note,
        String reinstatedBy) {}
