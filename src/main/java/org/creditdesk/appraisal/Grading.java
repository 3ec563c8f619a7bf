package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The rules from a rating and a KPI score to a grade and its measures. Attitude is the mean of responsibility
 * and execution; ability the mean of communication and experience blended with the KPI score mapped onto
 * 1..5 (weight from the settings); the grade is the quadrant by the settings' thresholds.
 */
final class Grading {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private Grading() {}

    record Outcome(BigDecimal attitude, BigDecimal ability, Grade grade) {}

    static Outcome grade(
            int responsibility,
            int execution,
            int communication,
            int experience,
            BigDecimal kpiScore,
            AppraisalSettings settings) {
        BigDecimal attitude = BigDecimal.valueOf(responsibility + execution).divide(TWO, 2, RoundingMode.HALF_UP);
        BigDecimal rated = BigDecimal.valueOf(communication + experience).divide(TWO, 4, RoundingMode.HALF_UP);
        BigDecimal kpiOnScale =
                BigDecimal.ONE.add(kpiScore.multiply(FOUR).divide(KpiScoring.HUNDRED, 4, RoundingMode.HALF_UP));
        BigDecimal w = settings.kpiAbilityWeight();
        BigDecimal ability = rated.multiply(BigDecimal.ONE.subtract(w))
                .add(kpiOnScale.multiply(w))
                .setScale(2, RoundingMode.HALF_UP);
        Grade grade = Grade.of(
                attitude.compareTo(settings.attitudeGoodFrom()) >= 0,
                ability.compareTo(settings.abilityGoodFrom()) >= 0);
        return new Outcome(attitude, ability, grade);
    }

    /**
     * How many periods in a row end with this grade: one more than the previous period's streak when that
     * period (closed) had the same grade, else one.
     */
    static int streak(Grade grade, Grade previousGrade, int previousStreak) {
        return grade == previousGrade ? previousStreak + 1 : 1;
    }

    /** The grade's measures for the streak: those of the highest occurrence not above it. */
    static List<Measure> measures(Grade grade, int streak, List<Measure> table) {
        int occurrence = table.stream()
                .filter(m -> m.grade() == grade && m.occurrence() <= streak)
                .mapToInt(Measure::occurrence)
                .max()
                .orElse(0);
        return table.stream()
                .filter(m -> m.grade() == grade && m.occurrence() == occurrence)
                .sorted(Comparator.comparingInt(Measure::position))
                .toList();
    }
}
