package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitMetricsTests {

    @Test
    void a_score_that_puts_every_bad_customer_lowest_has_auc_and_ks_of_one() {
        double[] scores = {10, 20, 30, 80, 90};
        int[] bad = {1, 1, 0, 0, 0};
        assertThat(FitMetrics.auc(scores, bad)).isEqualTo(1.0);
        assertThat(FitMetrics.ks(scores, bad)).isEqualTo(1.0);
    }

    @Test
    void a_constant_score_separates_nothing() {
        double[] scores = {50, 50, 50, 50};
        int[] bad = {1, 0, 1, 0};
        assertThat(FitMetrics.auc(scores, bad)).isEqualTo(0.5);
        assertThat(FitMetrics.ks(scores, bad)).isEqualTo(0.0);
    }

    @Test
    void auc_counts_pairs_with_ties_as_half() {
        // pairs (bad, good): (10,20) right, (10,30) right, (20,20) tie, (20,30) right -> 3.5 / 4
        double[] scores = {10, 20, 20, 30};
        int[] bad = {1, 1, 0, 0};
        assertThat(FitMetrics.auc(scores, bad)).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void weight_of_evidence_observation_dates_leave_a_year_behind_and_six_months_ahead() {
        List<java.time.LocalDate> dates = FitScorecards.observationDates(
                java.time.LocalDate.of(2023, 1, 15), java.time.LocalDate.of(2024, 12, 31));
        assertThat(dates.getFirst()).isEqualTo(java.time.LocalDate.of(2024, 1, 31));
        assertThat(dates.getLast()).isEqualTo(java.time.LocalDate.of(2024, 6, 30));
        assertThat(new ArrayList<>(dates)).hasSize(6);
    }
}
