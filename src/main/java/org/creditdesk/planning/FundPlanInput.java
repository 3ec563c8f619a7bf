package org.creditdesk.planning;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A fund plan as sent to {@code PUT /fund-plans/{year}} (API.md "Fund planning"). */
public record FundPlanInput(
        @Nullable BigDecimal capital,
        @Nullable BigDecimal costOfCapitalRate,
        @Nullable Integer industryDays,
        @Nullable List<Line> productLines,
        @Nullable List<Area> areas,
        @Nullable List<Customer> customers) {

    public record Line(
            @Nullable String productLine,
            @Nullable String businessGroup,
            @Nullable BigDecimal amount,
            @Nullable Integer targetDays,
            @Nullable BigDecimal grossMargin) {}

    public record Area(
            @Nullable String productLine,
            @Nullable String area,
            @Nullable BigDecimal amount,
            @Nullable Integer targetDays) {}

    public record Customer(
            @Nullable String customerCode,
            @Nullable String productLine,
            @Nullable BigDecimal amount,
            @Nullable Integer targetDays) {}
}
