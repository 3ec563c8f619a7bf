package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatsTests {

    private final Formats fmt = new Formats();

    @Test
    void money_groups_thousands_and_names_the_currency_after_the_amount() {
        assertThat(fmt.money(new BigDecimal("20000000.00"), "CNY")).isEqualTo("20,000,000.00 CNY");
        assertThat(fmt.money(new BigDecimal("1234.5"), "USD")).isEqualTo("1,234.50 USD");
        assertThat(fmt.money(new BigDecimal("-98765.432"), "CNY")).isEqualTo("-98,765.43 CNY");
    }

    @Test
    void money_uses_the_currencys_own_decimals() {
        assertThat(fmt.money(new BigDecimal("1500"), "JPY")).isEqualTo("1,500 JPY");
    }

    @Test
    void a_negative_amount_that_rounds_to_zero_shows_as_plain_zero() {
        assertThat(fmt.money(new BigDecimal("-0.00"), "CNY")).isEqualTo("0.00 CNY");
        assertThat(fmt.money(new BigDecimal("-0.004"), "CNY")).isEqualTo("0.00 CNY");
        assertThat(fmt.whole(new BigDecimal("-0.4"), null)).isEqualTo("0");
    }

    @Test
    void missing_figures_show_a_dash() {
        assertThat(fmt.money(null, "CNY")).isEqualTo("—");
        assertThat(fmt.date(null)).isEqualTo("—");
    }

    @Test
    void dates_are_iso_and_timestamps_to_the_minute() {
        assertThat(fmt.date(LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-06");
        assertThat(fmt.dateTime(OffsetDateTime.of(2026, 1, 2, 3, 4, 59, 0, ZoneOffset.UTC)))
                .isEqualTo("2026-01-02 03:04");
    }

    @Test
    void shares_are_percentages_with_one_decimal() {
        assertThat(fmt.percent(new BigDecimal("0.0912"))).isEqualTo("9.1 %");
    }
}
