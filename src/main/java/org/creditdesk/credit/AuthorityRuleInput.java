package org.creditdesk.credit;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One row of the authority matrix as sent: {@code upTo} is UNLIMITED, SALES_APPROVAL_LIMIT,
 * CREDIT_MANAGER_CEILING or AMOUNT (then with {@code maxAmount}).
 */
public record AuthorityRuleInput(
        @Nullable String mode,
        @Nullable String action,
        @Nullable String role,
        @Nullable String upTo,
        @Nullable BigDecimal maxAmount) {}
