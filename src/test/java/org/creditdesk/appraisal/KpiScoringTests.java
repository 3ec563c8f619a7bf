package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The KPI score without Spring: each component's scale, and the points always adding up to the score. */
class KpiScoringTests {

    static final AppraisalSettings DEFAULTS = new AppraisalSettings(
            new BigDecimal("30"),
            new BigDecimal("25"),
            new BigDecimal("20"),
            new BigDecimal("15"),
            new BigDecimal("10"),
            45,
            120,
            new BigDecimal("0.0200"),
            new BigDecimal("20"),
            new BigDecimal("0.50"),
            new BigDecimal("3.00"),
            new BigDecimal("3.00"),
            false,
            new BigDecimal("0.0100"));

    static RepKpis kpis(
            String collected,
            String onTime,
            String open,
            String overdue,
            String dso,
            String invoiced,
            String writtenOff,
            int incidents) {
        BigDecimal c = new BigDecimal(collected),
                t = new BigDecimal(onTime),
                o = new BigDecimal(open),
                d = new BigDecimal(overdue);
        return new RepKpis(
                "R",
                "R",
                null,
                new BigDecimal(invoiced),
                c,
                t,
                Shares.of(t, c),
                o,
                d,
                Shares.of(d, o),
                new BigDecimal(dso),
                new BigDecimal(writtenOff),
                incidents,
                0,
                0);
    }

    @Test
    void a_rep_with_a_clean_book_scores_100() {
        KpiScore score = KpiScoring.score(kpis("100", "100", "50", "0", "30", "150", "0", 0), DEFAULTS);
        assertThat(score.value()).isEqualByComparingTo("100");
    }

    @Test
    void dso_scores_linearly_between_target_and_worst_days() {
        assertThat(component(kpis("1", "1", "0", "0", "45", "1", "0", 0), "DSO"))
                .isEqualByComparingTo("100");
        assertThat(component(kpis("1", "1", "0", "0", "82.5", "1", "0", 0), "DSO"))
                .isEqualByComparingTo("50");
        assertThat(component(kpis("1", "1", "0", "0", "200", "1", "0", 0), "DSO"))
                .isEqualByComparingTo("0");
    }

    @Test
    void half_collected_late_and_half_overdue_costs_half_of_those_weights() {
        KpiScore score = KpiScoring.score(kpis("100", "50", "200", "100", "0", "300", "0", 0), DEFAULTS);
        assertThat(score.value()).isEqualByComparingTo("72.50");
    }

    @Test
    void write_offs_reaching_the_worst_share_score_zero_and_each_incident_costs_the_penalty() {
        KpiScore score = KpiScoring.score(kpis("1", "1", "0", "0", "0", "1000", "20", 3), DEFAULTS);
        assertThat(component(score, "WRITE_OFF")).isEqualByComparingTo("0");
        assertThat(component(score, "INCIDENTS")).isEqualByComparingTo("40");
    }

    @Test
    void the_points_add_up_to_the_score_for_any_book() {
        long seed = System.nanoTime();
        System.out.println("KpiScoringTests seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            int collected = random.nextInt(1000), open = random.nextInt(1000), invoiced = random.nextInt(1000);
            RepKpis k = kpis(
                    String.valueOf(collected),
                    String.valueOf(random.nextInt(collected + 1)),
                    String.valueOf(open),
                    String.valueOf(random.nextInt(open + 1)),
                    String.valueOf(random.nextInt(300)),
                    String.valueOf(invoiced),
                    String.valueOf(random.nextInt(50)),
                    random.nextInt(8));
            KpiScore score = KpiScoring.score(k, DEFAULTS);
            BigDecimal points =
                    score.components().stream().map(KpiComponent::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(score.value())
                    .as("seed %d case %d", seed, i)
                    .isEqualByComparingTo(points)
                    .isBetween(BigDecimal.ZERO, new BigDecimal("100"));
        }
    }

    private static BigDecimal component(RepKpis kpis, String name) {
        return component(KpiScoring.score(kpis, DEFAULTS), name);
    }

    private static BigDecimal component(KpiScore score, String name) {
        return score.components().stream()
                .filter(c -> c.component().equals(name))
                .findFirst()
                .orElseThrow()
                .score();
    }
}
