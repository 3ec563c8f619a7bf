package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Plan against actual as of a date at one level of the tree (the approved plan, else the draft). {@code
 * computedAt}: when the actuals were stored after the daily run (V83); empty when computed for this answer.
 */
public record PlanStatusReport(
        int year,
        int version,
        FundPlan.Status planStatus,
        LocalDate asOf,
        String level,
        BigDecimal costOfCapitalRate,
        LocalDate periodFrom,
        @Nullable OffsetDateTime computedAt,
        List<PlanNodeStatus> nodes) {}
