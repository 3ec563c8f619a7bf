package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A requested change of the credit policy as sent (API.md Identity). Optional amounts and settings left
 * out keep their current value; {@code reason} says why, for the audit trail.
 */
public record CreditPolicyInput(
        @Nullable String mode,
        @Nullable BigDecimal salesApprovalLimit,
        @Nullable BigDecimal creditManagerCeiling,
        @Nullable Integer graceDays,
        @Nullable Integer chequeClearingDays,
        @Nullable List<Step> escalation,
        @Nullable String reason,
        @Nullable Boolean disputedCountsForHold) {

    /** A change that keeps the disputed-amount setting as it is. */
    public CreditPolicyInput(
            @Nullable String mode,
            @Nullable BigDecimal salesApprovalLimit,
            @Nullable BigDecimal creditManagerCeiling,
            @Nullable Integer graceDays,
            @Nullable Integer chequeClearingDays,
            @Nullable List<Step> escalation,
            @Nullable String reason) {
        this(mode, salesApprovalLimit, creditManagerCeiling, graceDays, chequeClearingDays, escalation, reason, null);
    }

    public record Step(@Nullable Integer level, @Nullable Integer fromDays) {}
}
