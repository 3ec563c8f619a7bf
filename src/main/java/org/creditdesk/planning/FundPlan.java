package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version of a year's fund plan: the capital the company lets sit in receivables, split by
 * product line, then product line x area, then optionally customer. Amounts are in the company
 * currency; {@code costOfCapitalRate} is a yearly fraction (0.06 = 6 %).
 */
public record FundPlan(
        int year,
        int version,
        Status status,
        BigDecimal capital,
        BigDecimal costOfCapitalRate,
        @Nullable Integer industryDays,
        List<ProductLinePlan> productLines,
        List<AreaPlan> areas,
        List<CustomerPlan> customers,
        String draftedBy,
        OffsetDateTime draftedAt,
        @Nullable String approvedBy,
        @Nullable OffsetDateTime approvedAt) {

    public enum Status {
        DRAFT,
        APPROVED,
        SUPERSEDED
    }

    public enum BusinessGroup {
        VOLUME,
        VALUE_ADDED
    }

    /** grossMargin is a percentage of sales (18.5 = 18.5 %). */
    public record ProductLinePlan(
            String productLine,
            BusinessGroup businessGroup,
            BigDecimal amount,
            int targetDays,
            @Nullable BigDecimal grossMargin,
            BigDecimal impliedSalesCapacity) {

        ProductLinePlan(
                String productLine,
                BusinessGroup businessGroup,
                BigDecimal amount,
                int targetDays,
                @Nullable BigDecimal grossMargin) {
            this(productLine, businessGroup, amount, targetDays, grossMargin, capacity(amount, targetDays));
        }
    }

    public record AreaPlan(
            String productLine, String area, BigDecimal amount, int targetDays, BigDecimal impliedSalesCapacity) {

        AreaPlan(String productLine, String area, BigDecimal amount, int targetDays) {
            this(productLine, area, amount, targetDays, capacity(amount, targetDays));
        }
    }

    public record CustomerPlan(
            String customerCode,
            String productLine,
            String area,
            BigDecimal amount,
            int targetDays,
            BigDecimal impliedSalesCapacity) {

        CustomerPlan(String customerCode, String productLine, String area, BigDecimal amount, int targetDays) {
            this(customerCode, productLine, area, amount, targetDays, capacity(amount, targetDays));
        }
    }

    /**
     * The yearly sales the node's money supports at its target days: amount x 365 / target days,
     * rounded half-up to cents.
     */
    static BigDecimal capacity(BigDecimal amount, int targetDays) {
        return amount.multiply(BigDecimal.valueOf(365)).divide(BigDecimal.valueOf(targetDays), 2, RoundingMode.HALF_UP);
    }
}
