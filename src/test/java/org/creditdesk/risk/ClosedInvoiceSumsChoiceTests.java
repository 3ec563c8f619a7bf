package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When the scoring run moves the paid invoices' kept sums and when it rebuilds them (no Spring). */
class ClosedInvoiceSumsChoiceTests {

    static final LocalDate KEPT = LocalDate.of(2026, 12, 7);
    static final double SHARE = ClosedInvoiceSumsRepository.REBUILD_WHEN_TOUCHED;

    @Test
    void nothing_kept_yet_is_rebuilt() {
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(null, KEPT, 0, 0, SHARE))
                .isTrue();
    }

    @Test
    void a_near_date_with_few_customers_logged_is_moved() {
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT.plusDays(1), 0, 100_000, SHARE))
                .isFalse();
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT.minusDays(3), 20_000, 100_000, SHARE))
                .isFalse();
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(
                        KEPT, KEPT.plusDays(ClosedInvoiceSumsRepository.MOVE_AT_MOST_DAYS), 0, 100_000, SHARE))
                .isFalse();
    }

    @Test
    void a_date_further_than_the_move_limit_is_rebuilt() {
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(
                        KEPT, KEPT.plusDays(ClosedInvoiceSumsRepository.MOVE_AT_MOST_DAYS + 1), 0, 100_000, SHARE))
                .isTrue();
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(
                        KEPT, KEPT.minusDays(ClosedInvoiceSumsRepository.MOVE_AT_MOST_DAYS + 1), 0, 100_000, SHARE))
                .isTrue();
    }

    @Test
    void a_day_that_logged_a_third_of_the_kept_customers_or_more_is_rebuilt() {
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT.plusDays(1), 95_000, 100_000, SHARE))
                .isTrue();
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT.plusDays(1), 33_334, 100_000, SHARE))
                .isTrue();
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT.plusDays(1), 33_333, 100_000, SHARE))
                .isFalse();
    }

    @Test
    void customers_logged_when_nothing_is_kept_rebuild() {
        assertThat(ClosedInvoiceSumsRepository.rebuildRatherThanMove(KEPT, KEPT, 3, 0, SHARE))
                .isTrue();
    }
}
