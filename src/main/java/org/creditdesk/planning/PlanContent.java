package org.creditdesk.planning;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A validated plan's content, as a draft stores it; every level's amounts are within its parent's. */
record PlanContent(
        BigDecimal capital,
        BigDecimal costOfCapitalRate,
        @Nullable Integer industryDays,
        List<FundPlan.ProductLinePlan> productLines,
        List<FundPlan.AreaPlan> areas,
        List<FundPlan.CustomerPlan> customers) {}
