package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grades and measures without Spring. */
class GradingTests {

    static final AppraisalSettings SETTINGS = KpiScoringTests.DEFAULTS;

    @Test
    void attitude_is_the_mean_of_responsibility_and_execution_and_ability_blends_in_the_kpi_score() {
        Grading.Outcome outcome = Grading.grade(4, 3, 2, 3, new BigDecimal("50"), SETTINGS);
        assertThat(outcome.attitude()).isEqualByComparingTo("3.5");
        // (2 + 3) / 2 = 2.5 rated; KPI 50 is 3.0 on the 1..5 scale; half each.
        assertThat(outcome.ability()).isEqualByComparingTo("2.75");
        assertThat(outcome.grade()).isEqualTo(Grade.TRAIN);
    }

    @Test
    void the_four_quadrants() {
        BigDecimal kpi = new BigDecimal("75");
        assertThat(Grading.grade(5, 5, 5, 5, kpi, SETTINGS).grade()).isEqualTo(Grade.STAR);
        assertThat(Grading.grade(5, 5, 1, 1, kpi, SETTINGS).grade()).isEqualTo(Grade.TRAIN);
        assertThat(Grading.grade(1, 1, 5, 5, kpi, SETTINGS).grade()).isEqualTo(Grade.MOTIVATE);
        assertThat(Grading.grade(1, 1, 1, 1, kpi, SETTINGS).grade()).isEqualTo(Grade.SUPERVISE);
    }

    @Test
    void a_poor_kpi_score_pulls_a_well_rated_ability_below_the_threshold() {
        assertThat(Grading.grade(5, 5, 4, 4, new BigDecimal("10"), SETTINGS).grade())
                .isEqualTo(Grade.TRAIN);
        assertThat(Grading.grade(5, 5, 4, 4, new BigDecimal("60"), SETTINGS).grade())
                .isEqualTo(Grade.STAR);
    }

    @Test
    void the_measures_of_the_highest_occurrence_reached_apply() {
        List<Measure> table = List.of(
                new Measure(Grade.SUPERVISE, 1, 1, "SUPERVISE", null, null),
                new Measure(Grade.SUPERVISE, 2, 1, "FORMAL_WARNING", null, null),
                new Measure(Grade.SUPERVISE, 3, 2, "DISMISSAL_REVIEW", null, null),
                new Measure(Grade.SUPERVISE, 3, 1, "PENALTY", new BigDecimal("2000.00"), null),
                new Measure(Grade.STAR, 1, 1, "BONUS", null, new BigDecimal("0.1")));
        assertThat(Grading.measures(Grade.SUPERVISE, 1, table))
                .extracting(Measure::action)
                .containsExactly("SUPERVISE");
        assertThat(Grading.measures(Grade.SUPERVISE, 2, table))
                .extracting(Measure::action)
                .containsExactly("FORMAL_WARNING");
        assertThat(Grading.measures(Grade.SUPERVISE, 7, table))
                .extracting(Measure::action)
                .containsExactly("PENALTY", "DISMISSAL_REVIEW");
        assertThat(Grading.measures(Grade.STAR, 4, table))
                .extracting(Measure::action)
                .containsExactly("BONUS");
        assertThat(Grading.measures(Grade.TRAIN, 1, table)).isEmpty();
        assertThat(Grading.streak(Grade.SUPERVISE, Grade.SUPERVISE, 2)).isEqualTo(3);
        assertThat(Grading.streak(Grade.SUPERVISE, Grade.TRAIN, 2)).isEqualTo(1);
    }
}
