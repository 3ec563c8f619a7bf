package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Workload per credit supervisor and headcount per area against the norm ({@code GET /reports/staffing}).
 * Money is in the company's base currency; documents in other currencies are not converted.
 *
 * @param storedAt when the areas' figures (customers, sales, receivables) were stored after the daily run of
 *     {@code asOf}; null when they were computed for this request
 */
public record StaffingReport(
        LocalDate asOf,
        String currency,
        StaffingNorm norm,
        List<SupervisorLoad> supervisors,
        List<AreaStaffing> areas,
        @Nullable OffsetDateTime storedAt) {

    public StaffingReport {
        supervisors = List.copyOf(supervisors);
        areas = List.copyOf(areas);
    }

    /**
     * One supervisor's workload: the customers of the areas assigned to them (a shared area counts in
     * full for each of its supervisors) and their own open escalation tasks.
     */
    public record SupervisorLoad(
            String username,
            String displayName,
            List<String> areas,
            int customers,
            BigDecimal annualSales,
            BigDecimal openReceivables,
            BigDecimal overdueReceivables,
            int openEscalations) {

        public SupervisorLoad {
            areas = List.copyOf(areas);
        }
    }

    /**
     * One area: its customers, sales invoiced in the last 12 months, receivables, the supervisors the
     * norm asks for and the actual headcount (a supervisor of n areas counts 1/n in each).
     */
    public record AreaStaffing(
            String area,
            String name,
            int customers,
            BigDecimal annualSales,
            BigDecimal openReceivables,
            BigDecimal overdueReceivables,
            int requiredLow,
            int requiredHigh,
            BigDecimal actual,
            String assessment,
            List<String> supervisors) {

        public AreaStaffing {
            supervisors = List.copyOf(supervisors);
        }
    }
}
