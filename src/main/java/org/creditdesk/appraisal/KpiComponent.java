package org.creditdesk.appraisal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One part of the KPI score: the measured value, its score 0..100, its weight and the points it adds (score ×
 * weight ÷ sum of weights); the points of all components add up to the KPI score.
 */
public record KpiComponent(
        String component, @Nullable BigDecimal value, BigDecimal score, BigDecimal weight, BigDecimal points) {}
