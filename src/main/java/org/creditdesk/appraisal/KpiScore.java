package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.List;

/** The KPI score 0..100 and its explanation, component by component. */
public record KpiScore(BigDecimal value, List<KpiComponent> components) {

    public KpiScore {
        components = List.copyOf(components);
    }
}
