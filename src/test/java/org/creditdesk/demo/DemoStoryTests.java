package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoStoryTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);

    @Test
    void the_replay_runs_month_ends_of_the_history_then_every_business_day_of_the_last_weeks() {
        List<LocalDate> dates = DemoStory.replayDates(AS_OF, 24);

        LocalDate dailyFrom = AS_OF.minusWeeks(DemoStory.DAILY_WEEKS);
        List<LocalDate> monthEnds =
                dates.stream().filter(d -> d.isBefore(dailyFrom)).toList();
        assertThat(monthEnds).allSatisfy(d -> assertThat(d).isEqualTo(d.withDayOfMonth(d.lengthOfMonth())));
        assertThat(monthEnds.getFirst()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(monthEnds).hasSize(22);
        List<LocalDate> daily =
                dates.stream().filter(d -> !d.isBefore(dailyFrom)).toList();
        assertThat(daily)
                .hasSize(21)
                .allSatisfy(d -> assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(dates).isSorted().doesNotHaveDuplicates().last().isEqualTo(AS_OF);
    }

    @Test
    void a_weekend_as_of_date_is_run_too() {
        LocalDate saturday = LocalDate.of(2026, 12, 5);
        assertThat(DemoStory.replayDates(saturday, 12)).last().isEqualTo(saturday);
    }
}
