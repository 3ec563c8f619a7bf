package org.creditdesk.appraisal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One rep's appraisal for a period: the KPIs, the KPI score explained, the rating and what follows from it
 * (null until rated), and the collection-based commission (null unless the company pays one).
 */
public record RepAppraisal(
        RepKpis kpis,
        KpiScore score,
        @Nullable Rating rating,
        @Nullable Assessment assessment,
        @Nullable BigDecimal commission) {}
