package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ScoreOutcomeTests {

    @Test
    void each_outcome_kind_takes_its_defaults_and_late_means_beyond_the_grace_days() {
        assertThat(ScoreOutcome.of(null, null, null, 7)).isEqualTo(new ScoreOutcome.ReachesOverdue(60, 6));
        assertThat(ScoreOutcome.of("paid-late", null, null, 7)).isEqualTo(new ScoreOutcome.PaidLate(7, 3));
        assertThat(ScoreOutcome.of("PAID_LATE", 0, 2, 7)).isEqualTo(new ScoreOutcome.PaidLate(0, 2));
        assertThat(ScoreOutcome.of("reaches_overdue", 30, 3, 7)).isEqualTo(new ScoreOutcome.ReachesOverdue(30, 3));
        assertThat(ScoreOutcome.of("RECORDED", null, null, 7)).isEqualTo(new ScoreOutcome.Recorded(12));
        assertThat(new ScoreOutcome.PaidLate(7, 3).definition())
                .isEqualTo("an invoice falling due within 3 months is paid more than 7 days late");
    }

    @Test
    void an_unknown_kind_or_days_out_of_range_is_refused_naming_the_field() {
        assertThatThrownBy(() -> ScoreOutcome.of("LATE", null, null, 7))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("outcome"));
        assertThatThrownBy(() -> ScoreOutcome.of("PAID_LATE", -1, null, 7))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("days"));
        assertThatThrownBy(() -> ScoreOutcome.of("RECORDED", 5, null, 7))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("days"));
        assertThatThrownBy(() -> ScoreOutcome.of(null, null, 3, 7)).isInstanceOf(ProblemException.class);
    }

    @Test
    void who_is_observed_depends_on_the_outcome() {
        var overdue40 = values(1, "40");
        var overdue70 = values(2, "70");
        var seen = new FitRepository.Outcomes(Set.of(), null, Set.of());
        assertThat(FitScorecards.observable(new ScoreOutcome.ReachesOverdue(60, 6), seen, overdue40))
                .isTrue();
        assertThat(FitScorecards.observable(new ScoreOutcome.ReachesOverdue(60, 6), seen, overdue70))
                .as("already there")
                .isFalse();
        assertThat(FitScorecards.observable(new ScoreOutcome.ReachesOverdue(30, 6), seen, overdue40))
                .isFalse();
        var lateness = new FitRepository.Outcomes(Set.of(), Set.of(2L), Set.of());
        assertThat(FitScorecards.observable(new ScoreOutcome.PaidLate(7, 3), lateness, overdue40))
                .as("no invoice falling due in the window")
                .isFalse();
        assertThat(FitScorecards.observable(new ScoreOutcome.PaidLate(7, 3), lateness, overdue70))
                .isTrue();
        var recorded = new FitRepository.Outcomes(Set.of(2L), null, Set.of(1L));
        assertThat(FitScorecards.observable(new ScoreOutcome.Recorded(12), recorded, overdue40))
                .as("defaulted before the date")
                .isFalse();
        assertThat(FitScorecards.observable(new ScoreOutcome.Recorded(12), recorded, overdue70))
                .isTrue();
    }

    @Test
    void a_class_table_that_falls_from_one_class_to_a_worse_one_is_named_and_empty_classes_are_passed_over() {
        List<FitReport.ClassRow> rising = List.of(
                new FitReport.ClassRow("A", 100, 1, 0.01),
                new FitReport.ClassRow("B", 0, 0, null),
                new FitReport.ClassRow("C", 50, 5, 0.1),
                new FitReport.ClassRow("D", 20, 5, 0.25),
                new FitReport.ClassRow("E", 10, 5, 0.5));
        assertThat(FitScorecards.classOrderProblems(rising)).isEmpty();
        List<FitReport.ClassRow> falling = List.of(
                new FitReport.ClassRow("A", 100, 1, 0.01),
                new FitReport.ClassRow("B", 50, 10, 0.2),
                new FitReport.ClassRow("C", 50, 5, 0.1),
                new FitReport.ClassRow("D", 0, 0, null),
                new FitReport.ClassRow("E", 10, 5, 0.5));
        assertThat(FitScorecards.classOrderProblems(falling))
                .singleElement()
                .asString()
                .startsWith("class C: 10.0 % of 50 test observations");
    }

    private static ScoreRepository.FactorValues values(long id, String maxDaysOverdue) {
        Map<ScoreFactor, @Nullable BigDecimal> v = new EnumMap<>(ScoreFactor.class);
        v.put(ScoreFactor.MAX_DAYS_OVERDUE, new BigDecimal(maxDaysOverdue));
        return new ScoreRepository.FactorValues(id, "C" + id, "VOLUME", "CNY", 30, 5, BigDecimal.ZERO, null, v);
    }
}
