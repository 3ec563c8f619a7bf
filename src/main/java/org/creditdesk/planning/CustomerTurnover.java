package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer's turnover against the approved fund plan, per product line it buys: days sales
 * outstanding by the count-back method beside the plan's target days (its own node's, else its area's,
 * else its product line's). Volume business is steered by this rhythm; value-added business by the
 * credit line of each contract, so its lines are shown for reference only. {@code volumeOverTarget}:
 * a volume line turns slower than its target.
 */
public record CustomerTurnover(
        LocalDate asOf, int planYear, int planVersion, List<Line> lines, boolean volumeOverTarget) {

    static CustomerTurnover of(LocalDate asOf, int planYear, int planVersion, List<Line> lines) {
        boolean volumeOver =
                lines.stream().anyMatch(l -> l.businessGroup() == FundPlan.BusinessGroup.VOLUME && l.overTarget());
        return new CustomerTurnover(asOf, planYear, planVersion, List.copyOf(lines), volumeOver);
    }

    /** {@code overTarget}: days above the target, the plan's rule as for plan against actual's days. */
    public record Line(
            String productLine,
            FundPlan.@Nullable BusinessGroup businessGroup,
            @Nullable Integer targetDays,
            BigDecimal actualDays,
            BigDecimal receivables,
            boolean overTarget) {

        static Line of(
                String productLine,
                FundPlan.@Nullable BusinessGroup businessGroup,
                @Nullable Integer targetDays,
                BigDecimal actualDays,
                BigDecimal receivables) {
            boolean over = targetDays != null && actualDays.compareTo(BigDecimal.valueOf(targetDays)) > 0;
            return new Line(productLine, businessGroup, targetDays, actualDays, receivables, over);
        }
    }
}
