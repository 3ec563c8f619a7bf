package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.List;

/** What a rating and the KPI score make of a rep: attitude, ability, the grade, its streak and its measures. */
public record Assessment(BigDecimal attitude, BigDecimal ability, Grade grade, int streak, List<Measure> actions) {

    public Assessment {
        actions = List.copyOf(actions);
    }
}
