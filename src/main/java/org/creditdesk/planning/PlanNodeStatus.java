package org.creditdesk.planning;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One node of plan against actual (API.md "Fund planning"). {@code actualDays} is days sales
 * outstanding by the count-back method, {@code simpleDays} by the simple method over the last three
 * months; money in the company currency. {@code plannedAmount} is empty for nodes the plan does not
 * name (actual business outside the plan); {@code light} is GREEN, AMBER (more than 90 % of the plan
 * used or days within 10 % above target... see README) or RED when {@code overPlan}.
 */
public record PlanNodeStatus(
        String key,
        String productLine,
        @Nullable String area,
        @Nullable String customerCode,
        @Nullable String customerName,
        @Nullable BigDecimal plannedAmount,
        BigDecimal actualReceivables,
        BigDecimal averageReceivables,
        @Nullable Integer targetDays,
        BigDecimal actualDays,
        BigDecimal simpleDays,
        BigDecimal capitalCost,
        BigDecimal salesInPeriod,
        @Nullable BigDecimal grossMargin,
        @Nullable BigDecimal marginAfterCapitalCost,
        @Nullable BigDecimal impliedSalesCapacity,
        BigDecimal lastYearSales,
        @Nullable BigDecimal usedShare,
        boolean overPlan,
        Light light) {

    public enum Light {
        GREEN,
        AMBER,
        RED
    }
}
