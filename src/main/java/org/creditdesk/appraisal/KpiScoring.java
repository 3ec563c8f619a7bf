package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a rep's KPIs into the KPI score. Each component is scored 0..100:
 * <ul>
 *   <li>{@code ON_TIME}: the share of collections paid by the due date plus grace, × 100 (nothing collected:
 *       100 when nothing is overdue, else 0);
 *   <li>{@code OVERDUE}: (1 − overdue share at period end) × 100 (nothing open: 100);
 *   <li>{@code DSO}: 100 up to the target days, 0 from the worst days, linear between;
 *   <li>{@code WRITE_OFF}: 100 with nothing written off, 0 once write-offs reach the worst share of invoiced;
 *   <li>{@code INCIDENTS}: 100 less the penalty for each broken promise, customer stopped for a bounced cheque
 *       and released blocked order later 60+ days overdue.
 * </ul>
 */
final class KpiScoring {

    static final BigDecimal HUNDRED = new BigDecimal("100");

    private KpiScoring() {}

    static KpiScore score(RepKpis kpis, AppraisalSettings settings) {
        BigDecimal total = settings.totalWeight();
        List<KpiComponent> components = List.of(
                component("ON_TIME", kpis.collectedOnTimeShare(), onTime(kpis), settings.weightOnTime(), total),
                component("OVERDUE", kpis.overdueShare(), overdue(kpis), settings.weightOverdue(), total),
                component("DSO", kpis.dso(), dso(kpis.dso(), settings), settings.weightDso(), total),
                component("WRITE_OFF", kpis.writtenOff(), writeOff(kpis, settings), settings.weightWriteOff(), total),
                component(
                        "INCIDENTS",
                        BigDecimal.valueOf(kpis.incidents()),
                        clamp(HUNDRED.subtract(
                                settings.incidentPenalty().multiply(BigDecimal.valueOf(kpis.incidents())))),
                        settings.weightIncidents(),
                        total));
        BigDecimal value = components.stream().map(KpiComponent::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new KpiScore(value.min(HUNDRED.setScale(2)), components);
    }

    private static KpiComponent component(
            String name, @Nullable BigDecimal value, BigDecimal score, BigDecimal weight, BigDecimal total) {
        BigDecimal rounded = score.setScale(2, RoundingMode.HALF_UP);
        BigDecimal points = rounded.multiply(weight).divide(total, 2, RoundingMode.HALF_UP);
        return new KpiComponent(name, value, rounded, weight, points);
    }

    private static BigDecimal onTime(RepKpis kpis) {
        BigDecimal share = kpis.collectedOnTimeShare();
        if (share == null) return kpis.overdueAmount().signum() > 0 ? BigDecimal.ZERO : HUNDRED;
        return clamp(share.multiply(HUNDRED));
    }

    private static BigDecimal overdue(RepKpis kpis) {
        BigDecimal share = kpis.overdueShare();
        return share == null ? HUNDRED : clamp(BigDecimal.ONE.subtract(share).multiply(HUNDRED));
    }

    private static BigDecimal dso(BigDecimal days, AppraisalSettings settings) {
        BigDecimal target = BigDecimal.valueOf(settings.dsoTargetDays());
        BigDecimal worst = BigDecimal.valueOf(settings.dsoWorstDays());
        if (days.compareTo(target) <= 0) return HUNDRED;
        if (days.compareTo(worst) >= 0) return BigDecimal.ZERO;
        return worst.subtract(days).multiply(HUNDRED).divide(worst.subtract(target), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal writeOff(RepKpis kpis, AppraisalSettings settings) {
        if (kpis.writtenOff().signum() == 0) return HUNDRED;
        if (kpis.invoiced().signum() == 0) return BigDecimal.ZERO;
        BigDecimal share = kpis.writtenOff().divide(kpis.invoiced(), 6, RoundingMode.HALF_UP);
        return clamp(BigDecimal.ONE
                .subtract(share.divide(settings.writeOffWorstShare(), 6, RoundingMode.HALF_UP))
                .multiply(HUNDRED));
    }

    private static BigDecimal clamp(BigDecimal score) {
        return score.max(BigDecimal.ZERO).min(HUNDRED);
    }
}
