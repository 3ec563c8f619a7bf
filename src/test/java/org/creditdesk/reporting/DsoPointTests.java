package org.creditdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DsoPointTests {

    @Test
    void days_sales_outstanding_are_receivables_over_the_last_90_days_sales_times_90() {
        DsoPoint point = new DsoPoint(
                LocalDate.of(2026, 11, 30),
                new BigDecimal("1500000.00"),
                new BigDecimal("200000.00"),
                new BigDecimal("3000000.00"));
        assertThat(point.days()).isEqualByComparingTo("45.0");
    }

    @Test
    void without_sales_there_is_no_dso_rather_than_a_division_by_zero() {
        DsoPoint point =
                new DsoPoint(LocalDate.of(2026, 11, 30), new BigDecimal("10.00"), BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(point.days()).isNull();
    }

    @Test
    void shares_are_exact_to_four_places_and_zero_over_nothing() {
        assertThat(PortfolioFigures.share(new BigDecimal("1"), new BigDecimal("3")))
                .isEqualByComparingTo("0.3333");
        assertThat(PortfolioFigures.share(new BigDecimal("5"), BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
