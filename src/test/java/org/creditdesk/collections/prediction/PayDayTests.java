package org.creditdesk.collections.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayDayTests {

    private static PaidInvoice paidOn(String date) {
        LocalDate on = LocalDate.parse(date);
        return new PaidInvoice(on.minusDays(5), on, new BigDecimal("100"));
    }

    @Test
    void a_customer_paying_around_the_25th_has_a_fixed_pay_day() {
        PayDay day = PayDay.of(List.of(
                paidOn("2025-01-25"),
                paidOn("2025-02-24"),
                paidOn("2025-03-25"),
                paidOn("2025-04-26"),
                paidOn("2025-05-09")));

        assertThat(day.day()).isEqualTo(25);
        assertThat(day.concentration()).isEqualTo(0.8);
        assertThat(day.fixed()).isTrue();
        assertThat(day.next(LocalDate.parse("2025-06-26"))).isEqualTo(LocalDate.parse("2025-07-25"));
        assertThat(day.next(LocalDate.parse("2025-06-01"))).isEqualTo(LocalDate.parse("2025-06-25"));
    }

    @Test
    void a_pay_day_beyond_a_short_month_falls_on_its_last_day() {
        PayDay day = new PayDay(31, 1.0, 6);
        assertThat(day.next(LocalDate.parse("2026-02-03"))).isEqualTo(LocalDate.parse("2026-02-28"));
    }

    @Test
    void a_customer_paying_in_runs_on_the_10th_and_the_25th_has_both_pay_days() {
        PayDay day = PayDay.of(List.of(
                paidOn("2025-01-10"),
                paidOn("2025-01-25"),
                paidOn("2025-02-10"),
                paidOn("2025-02-25"),
                paidOn("2025-03-11"),
                paidOn("2025-03-25"),
                paidOn("2025-04-10"),
                paidOn("2025-04-17")));

        assertThat(day.fixed()).isTrue();
        assertThat(List.of(day.day(), day.secondDay())).containsExactlyInAnyOrder(10, 25);
        assertThat(day.concentration()).isEqualTo(7 / 8.0);
        assertThat(day.next(LocalDate.parse("2025-05-12"))).isEqualTo(LocalDate.parse("2025-05-25"));
        assertThat(day.next(LocalDate.parse("2025-05-26"))).isEqualTo(LocalDate.parse("2025-06-10"));
    }

    @Test
    void scattered_payments_have_no_fixed_day() {
        PayDay day = PayDay.of(
                List.of(paidOn("2025-01-03"), paidOn("2025-02-11"), paidOn("2025-03-19"), paidOn("2025-04-27")));
        assertThat(day.fixed()).isFalse();
    }
}
