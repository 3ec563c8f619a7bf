package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountBackTests {

    /**
     * The hand-computed example (also used end to end in FundPlanIntegrationTests): receivables of
     * 1,000,000.00 on 30 June; sales June 400,000.00 (30 days), May 350,000.00 (31 days), April
     * 500,000.00 (30 days).
     * <pre>
     *   1,000,000 - 400,000 (June, used up)  = 600,000   30 days
     *     600,000 - 350,000 (May, used up)   = 250,000   31 days
     *     250,000 / 500,000 of April's 30 days          15 days
     *   count-back DSO                                  76.0 days
     *   simple method: 1,000,000 / 1,250,000 x 91 days = 72.8 days
     * </pre>
     */
    static final List<CountBack.Period> HAND_EXAMPLE = List.of(
            new CountBack.Period(30, new BigDecimal("400000.00")),
            new CountBack.Period(31, new BigDecimal("350000.00")),
            new CountBack.Period(30, new BigDecimal("500000.00")));

    @Test
    void count_back_agrees_with_the_hand_computed_example() {
        assertThat(CountBack.days(new BigDecimal("1000000.00"), HAND_EXAMPLE)).isEqualByComparingTo("76.0");
        assertThat(CountBack.simpleDays(new BigDecimal("1000000.00"), HAND_EXAMPLE, 3))
                .isEqualByComparingTo("72.8");
    }

    @Test
    void receivables_within_the_newest_month_take_its_share_of_days() {
        assertThat(CountBack.days(new BigDecimal("100000.00"), HAND_EXAMPLE)).isEqualByComparingTo("7.5");
        assertThat(CountBack.days(BigDecimal.ZERO, HAND_EXAMPLE)).isEqualByComparingTo("0.0");
    }

    @Test
    void a_month_without_sales_counts_all_its_days_and_receivables_beyond_the_horizon_count_every_period() {
        List<CountBack.Period> periods =
                List.of(new CountBack.Period(31, BigDecimal.ZERO), new CountBack.Period(30, new BigDecimal("100.00")));
        assertThat(CountBack.days(new BigDecimal("50.00"), periods)).isEqualByComparingTo("46.0");
        assertThat(CountBack.days(new BigDecimal("500.00"), periods)).isEqualByComparingTo("61.0");
    }

    @Test
    void more_receivables_never_mean_fewer_days() {
        long seed = System.nanoTime();
        System.out.println("CountBackTests seed " + seed);
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            List<CountBack.Period> periods = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                periods.add(
                        new CountBack.Period(28 + random.nextInt(4), BigDecimal.valueOf(random.nextInt(100_000), 2)));
            }
            BigDecimal smaller = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
            BigDecimal larger = smaller.add(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
            assertThat(CountBack.days(larger, periods))
                    .as("seed %d run %d", seed, run)
                    .isGreaterThanOrEqualTo(CountBack.days(smaller, periods));
        }
    }
}
