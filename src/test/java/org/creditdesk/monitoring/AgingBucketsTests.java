package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgingBucketsTests {

    static final AgingBuckets DEFAULT = new AgingBuckets(List.of(
            new AgingBucket("current", "Current", 0, 0),
            new AgingBucket("1-15", "1–15", 1, 15),
            new AgingBucket("16-30", "16–30", 16, 30),
            new AgingBucket("31-60", "31–60", 31, 60),
            new AgingBucket("61-90", "61–90", 61, 90),
            new AgingBucket("over-90", "Over 90", 91, null)));

    /** Every threshold day and its neighbour, as the issue lists them. */
    static final Map<Integer, String> BOUNDARIES = Map.of(
            0, "current",
            1, "1-15",
            15, "1-15",
            16, "16-30",
            30, "16-30",
            31, "31-60",
            60, "31-60",
            61, "61-90",
            90, "61-90",
            91, "over-90");

    @Test
    void every_threshold_day_falls_into_the_bucket_it_opens_or_closes() {
        BOUNDARIES.forEach((days, bucket) ->
                assertThat(DEFAULT.bucketFor(days).code()).as("%d days", days).isEqualTo(bucket));
    }

    @Test
    void an_invoice_due_today_or_later_is_current() {
        LocalDate asOf = LocalDate.of(2025, 5, 10);
        assertThat(DEFAULT.bucketFor(asOf, asOf).code()).isEqualTo("current");
        assertThat(DEFAULT.bucketFor(asOf.plusDays(30), asOf).code()).isEqualTo("current");
        assertThat(AgingBuckets.daysOverdue(asOf.plusDays(30), asOf)).isZero();
    }

    @Test
    void days_overdue_count_calendar_days_across_month_ends() {
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 1)))
                .isEqualTo(1);
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2025, 1, 31), LocalDate.of(2025, 2, 28)))
                .isEqualTo(28);
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 15)))
                .isEqualTo(15);
        assertThat(DEFAULT.bucketFor(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 16))
                        .code())
                .isEqualTo("16-30");
    }

    @Test
    void a_leap_day_is_a_day_overdue_like_any_other() {
        // 2024 is a leap year: 28 Feb to 1 Mar is two days, in 2025 one.
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1)))
                .isEqualTo(2);
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1)))
                .isEqualTo(1);
        assertThat(AgingBuckets.daysOverdue(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 15)))
                .isEqualTo(15);
        assertThat(DEFAULT.bucketFor(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 16))
                        .code())
                .isEqualTo("16-30");
        // 90 days after 1 Dec 2023 is the leap day itself.
        assertThat(DEFAULT.bucketFor(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 2, 29))
                        .code())
                .isEqualTo("61-90");
        assertThat(DEFAULT.bucketFor(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 3, 1))
                        .code())
                .isEqualTo("over-90");
    }

    @Test
    void buckets_with_a_gap_an_overlap_or_no_open_end_are_refused() {
        assertThatThrownBy(() ->
                        new AgingBuckets(List.of(new AgingBucket("a", "a", 0, 0), new AgingBucket("b", "b", 2, null))))
                .hasMessageContaining("must start at 1");
        assertThatThrownBy(() ->
                        new AgingBuckets(List.of(new AgingBucket("a", "a", 0, 10), new AgingBucket("b", "b", 5, null))))
                .hasMessageContaining("must start at 11");
        assertThatThrownBy(() -> new AgingBuckets(List.of(new AgingBucket("a", "a", 0, 10))))
                .hasMessageContaining("open-ended");
        assertThatThrownBy(() -> new AgingBuckets(List.of(new AgingBucket("a", "a", 1, null))))
                .hasMessageContaining("must start at 0");
    }

    @Test
    void month_end_series_ends_on_the_date_and_steps_back_month_ends() {
        assertThat(Aging.monthEnds(LocalDate.of(2024, 3, 15), 4))
                .containsExactly(
                        LocalDate.of(2023, 12, 31),
                        LocalDate.of(2024, 1, 31),
                        LocalDate.of(2024, 2, 29),
                        LocalDate.of(2024, 3, 15));
        assertThat(Aging.monthEnds(LocalDate.of(2024, 3, 31), 12)).hasSize(12).endsWith(LocalDate.of(2024, 3, 31));
    }
}
