package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AppraisalPeriodTests {

    @Test
    void months_quarters_and_years_parse_to_their_first_and_last_day() {
        assertThat(AppraisalPeriod.parse("2028-02").orElseThrow().end()).isEqualTo(LocalDate.of(2028, 2, 29));
        AppraisalPeriod q = AppraisalPeriod.parse("2026-Q4").orElseThrow();
        assertThat(q.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(AppraisalPeriod.parse("2026").orElseThrow().end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(AppraisalPeriod.parse("2026-Q5")).isEmpty();
        assertThat(AppraisalPeriod.parse("2026-13")).isEmpty();
        assertThat(AppraisalPeriod.parse("26-01")).isEmpty();
    }

    @Test
    void the_previous_period_is_of_the_same_kind() {
        assertThat(AppraisalPeriod.parse("2026-Q1").orElseThrow().previous().key())
                .isEqualTo("2025-Q4");
        assertThat(AppraisalPeriod.parse("2026-01").orElseThrow().previous().key())
                .isEqualTo("2025-12");
        assertThat(AppraisalPeriod.parse("2026").orElseThrow().previous().key()).isEqualTo("2025");
        assertThat(AppraisalPeriod.parse("2026-05").orElseThrow().eightQuartersTo())
                .extracting(AppraisalPeriod::key)
                .containsExactly(
                        "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");
    }
}
