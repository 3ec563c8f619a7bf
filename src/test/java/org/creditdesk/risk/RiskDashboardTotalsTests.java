package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The risk dashboard's class totals are its class-by-area cells summed over the areas. */
class RiskDashboardTotalsTests {

    @Test
    void class_totals_sum_the_cells_of_every_area_in_class_order() {
        List<RiskDashboardRepository.Cell> cells = List.of(
                new RiskDashboardRepository.Cell("C", "EAST", 3, new BigDecimal("300.00")),
                new RiskDashboardRepository.Cell("A", "EAST", 5, new BigDecimal("10.50")),
                new RiskDashboardRepository.Cell("C", "WEST", 2, new BigDecimal("0.25")),
                new RiskDashboardRepository.Cell("A", "NORTH", 1, BigDecimal.ZERO));

        assertThat(RiskDashboardRepository.byClass(cells))
                .containsExactly(
                        new RiskDashboardRepository.ClassCount("A", 6, new BigDecimal("10.50")),
                        new RiskDashboardRepository.ClassCount("C", 5, new BigDecimal("300.25")));
    }
}
