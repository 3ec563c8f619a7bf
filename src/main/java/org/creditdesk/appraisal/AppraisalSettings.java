package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.shared.Violation;

/**
 * The company's appraisal settings: the weights of the KPI score's components and how each is scored, how
 * much the KPI score weighs in ability, the grade thresholds and the optional collection-based commission.
 */
public record AppraisalSettings(
        BigDecimal weightOnTime,
        BigDecimal weightOverdue,
        BigDecimal weightDso,
        BigDecimal weightWriteOff,
        BigDecimal weightIncidents,
        int dsoTargetDays,
        int dsoWorstDays,
        BigDecimal writeOffWorstShare,
        BigDecimal incidentPenalty,
        BigDecimal kpiAbilityWeight,
        BigDecimal attitudeGoodFrom,
        BigDecimal abilityGoodFrom,
        boolean commissionEnabled,
        BigDecimal commissionRate) {

    BigDecimal totalWeight() {
        return weightOnTime
                .add(weightOverdue)
                .add(weightDso)
                .add(weightWriteOff)
                .add(weightIncidents);
    }

    /** Every reason these settings cannot be used, naming the field. */
    List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        nonNegative(problems, "weightOnTime", weightOnTime);
        nonNegative(problems, "weightOverdue", weightOverdue);
        nonNegative(problems, "weightDso", weightDso);
        nonNegative(problems, "weightWriteOff", weightWriteOff);
        nonNegative(problems, "weightIncidents", weightIncidents);
        if (problems.isEmpty() && totalWeight().signum() <= 0) {
            problems.add(Violation.field("weightOnTime", "the weights must not all be zero"));
        }
        if (dsoTargetDays < 0) problems.add(Violation.field("dsoTargetDays", "must be 0 or more"));
        if (dsoWorstDays <= dsoTargetDays) {
            problems.add(Violation.field("dsoWorstDays", "must be more than dsoTargetDays"));
        }
        between(problems, "writeOffWorstShare", writeOffWorstShare, "0.0001", "1");
        between(problems, "incidentPenalty", incidentPenalty, "0", "100");
        between(problems, "kpiAbilityWeight", kpiAbilityWeight, "0", "1");
        between(problems, "attitudeGoodFrom", attitudeGoodFrom, "1", "5");
        between(problems, "abilityGoodFrom", abilityGoodFrom, "1", "5");
        between(problems, "commissionRate", commissionRate, "0", "1");
        return problems;
    }

    private static void nonNegative(List<Violation> problems, String field, BigDecimal value) {
        if (value.signum() < 0) problems.add(Violation.field(field, "must be 0 or more"));
    }

    private static void between(List<Violation> problems, String field, BigDecimal value, String min, String max) {
        if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            problems.add(Violation.field(field, "must be between " + min + " and " + max));
        }
    }
}
