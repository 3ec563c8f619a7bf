package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditdesk.monitoring.LegalCaseStatus.DEMAND_LETTER_SENT;
import static org.creditdesk.monitoring.LegalCaseStatus.FILED;
import static org.creditdesk.monitoring.LegalCaseStatus.JUDGMENT;
import static org.creditdesk.monitoring.LegalCaseStatus.OPEN;
import static org.creditdesk.monitoring.LegalCaseStatus.SETTLED;
import static org.creditdesk.monitoring.LegalCaseStatus.WRITTEN_OFF;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalCaseStatusTests {

    @Test
    void proceedings_move_forward_and_may_skip_a_step() {
        assertThat(OPEN.canMoveTo(DEMAND_LETTER_SENT)).isTrue();
        assertThat(OPEN.canMoveTo(FILED)).isTrue();
        assertThat(FILED.canMoveTo(JUDGMENT)).isTrue();
        assertThat(FILED.canMoveTo(DEMAND_LETTER_SENT)).isFalse();
        assertThat(JUDGMENT.canMoveTo(OPEN)).isFalse();
    }

    @Test
    void any_open_case_may_be_settled_or_written_off_and_a_closed_case_stays_closed() {
        for (LegalCaseStatus open : new LegalCaseStatus[] {OPEN, DEMAND_LETTER_SENT, FILED, JUDGMENT}) {
            assertThat(open.closed()).isFalse();
            assertThat(open.canMoveTo(SETTLED)).isTrue();
            assertThat(open.canMoveTo(WRITTEN_OFF)).isTrue();
        }
        for (LegalCaseStatus next : LegalCaseStatus.values()) {
            assertThat(SETTLED.canMoveTo(next)).isFalse();
            assertThat(WRITTEN_OFF.canMoveTo(next)).isFalse();
        }
    }

    @Test
    void the_command_reads_the_as_of_date_in_both_spellings_and_refuses_anything_else() {
        assertThat(DailyRunCommand.asOf("--as-of", "2030-05-31")).isEqualTo(LocalDate.of(2030, 5, 31));
        assertThat(DailyRunCommand.asOf("--as-of=2030-05-31")).isEqualTo(LocalDate.of(2030, 5, 31));
        assertThat(DailyRunCommand.asOf()).isNull();
        assertThatThrownBy(() -> DailyRunCommand.asOf("--as-of")).hasMessageContaining("needs a date");
        assertThatThrownBy(() -> DailyRunCommand.asOf("tomorrow")).hasMessageContaining("unexpected");
    }
}
