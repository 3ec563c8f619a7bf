package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.List;

/** API.md: the answer to a rating: attitude, ability, the grade and its actions. */
public record RatingResult(
        String period,
        String salesRep,
        BigDecimal kpiScore,
        BigDecimal attitude,
        BigDecimal ability,
        Grade grade,
        int streak,
        List<Measure> actions) {}
