package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HoldSlicesTests {

    @Test
    void the_daily_runs_holds_are_audited_in_slices_that_keep_every_id_once_and_in_order() {
        List<Long> ids =
                LongStream.rangeClosed(1, 2 * CustomerHolds.SLICE + 1).boxed().toList();

        List<List<Long>> slices = CustomerHolds.slices(ids);

        assertThat(slices).extracting(List::size).containsExactly(CustomerHolds.SLICE, CustomerHolds.SLICE, 1);
        assertThat(slices.stream().flatMap(List::stream).toList()).isEqualTo(ids);
        assertThat(CustomerHolds.slices(List.of())).isEmpty();
    }
}
