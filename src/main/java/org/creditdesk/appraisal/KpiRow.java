package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** API.md {@code GET /appraisals/kpis}: one rep's KPIs and KPI score, flat, with the score's explanation. */
public record KpiRow(
        String salesRep,
        String name,
        @Nullable String area,
        BigDecimal invoiced,
        BigDecimal collected,
        @Nullable BigDecimal collectedOnTimeShare,
        BigDecimal overdueAmount,
        @Nullable BigDecimal overdueShare,
        BigDecimal dso,
        BigDecimal writtenOff,
        int brokenPromises,
        int bouncedChequeStops,
        int releasedOrdersLater60Overdue,
        BigDecimal kpiScore,
        List<KpiComponent> kpiComponents) {

    static KpiRow of(RepKpis k, KpiScore score) {
        return new KpiRow(
                k.salesRep(),
                k.name(),
                k.area(),
                k.invoiced(),
                k.collected(),
                k.collectedOnTimeShare(),
                k.overdueAmount(),
                k.overdueShare(),
                k.dso(),
                k.writtenOff(),
                k.brokenPromises(),
                k.bouncedChequeStops(),
                k.releasedOrdersLater60Overdue(),
                score.value(),
                score.components());
    }
}
