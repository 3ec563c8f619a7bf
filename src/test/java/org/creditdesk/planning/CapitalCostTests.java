package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CapitalCostTests {

    @Test
    void capital_cost_is_exact_decimal_with_one_half_up_rounding_to_cents() {
        // samples 1,000,000.00 + 1,200,000.01 + 900,000.00 = 3,100,000.01; 3 samples; 6 %; 90 days
        // 3,100,000.01 x 0.06 x 90 / (3 x 365) = 16,740,000.054 / 1,095 = 15,287.6712... -> 15,287.67
        BigDecimal cost = CapitalCost.of(new BigDecimal("3100000.01"), 3, new BigDecimal("0.06"), 90);
        assertThat(cost).isEqualTo(new BigDecimal("15287.67"));
        assertThat(CapitalCost.average(new BigDecimal("3100000.01"), 3)).isEqualTo(new BigDecimal("1033333.34"));
    }

    @Test
    void a_half_cent_rounds_up() {
        // 0.73 x 0.05 x 365 / 365 = 0.0365 -> 0.04
        assertThat(CapitalCost.of(new BigDecimal("0.73"), 1, new BigDecimal("0.05"), 365))
                .isEqualTo(new BigDecimal("0.04"));
    }

    @Test
    void margin_after_capital_cost_is_gross_margin_on_sales_less_the_cost() {
        assertThat(CapitalCost.marginAfter(
                        new BigDecimal("1000000.00"), new BigDecimal("12.5"), new BigDecimal("15287.67")))
                .isEqualTo(new BigDecimal("109712.33"));
    }

    @Test
    void implied_sales_capacity_is_amount_times_365_over_target_days() {
        assertThat(FundPlan.capacity(new BigDecimal("1000000.00"), 60)).isEqualTo(new BigDecimal("6083333.33"));
    }
}
