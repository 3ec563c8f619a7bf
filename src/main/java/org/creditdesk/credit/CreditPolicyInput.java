package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A requested change of the credit policy as sent (API.md Identity). Optional amounts left out keep
 * their current value; {@code reason} says why, for the audit trail.
 */
public record CreditPolicyInput(
        @Nullable String mode,
        @Nullable BigDecimal salesApprovalLimit,
        @Nullable BigDecimal creditManagerCeiling,
        @Nullable Integer graceDays,
        @Nullable Integer chequeClearingDays,
        @Nullable List<Step> escalation,
        @Nullable String reason) {

    public record Step(@Nullable Integer level, @Nullable Integer fromDays) {}
}
