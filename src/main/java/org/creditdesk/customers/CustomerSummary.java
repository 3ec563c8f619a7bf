package org.creditdesk.customers;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One row of the customer list, with today's figures from the published {@code customer_figures}
 * function: the approved overall limit (null: none) in {@code limitCurrency}, exposure, overdue amount
 * and days, the live escalation level and the risk class credit decides with, in the customer's currency.
 */
public record CustomerSummary(
        String code,
        String name,
        String area,
        BusinessGroup businessGroup,
        @Nullable String salesRep,
        String currency,
        int paymentTermDays,
        CreditState creditState,
        @Nullable BigDecimal creditLimit,
        @Nullable String limitCurrency,
        BigDecimal exposure,
        BigDecimal overdueAmount,
        int maxDaysOverdue,
        int escalationLevel,
        @Nullable String riskClass) {}
