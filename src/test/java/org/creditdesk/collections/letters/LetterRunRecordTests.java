package org.creditdesk.collections.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LetterRunRecordTests {

    @Test
    void a_run_is_printed_in_as_many_parts_as_its_letters_fill() {
        assertThat(run(0).printParts()).isEmpty();
        assertThat(run(1).printParts()).containsExactly(0);
        assertThat(run(ReminderLetters.PRINT_PART).printParts()).containsExactly(0);
        assertThat(run(ReminderLetters.PRINT_PART + 1).printParts()).containsExactly(0, 1);
        assertThat(run(2 * ReminderLetters.PRINT_PART + 1).printParts()).containsExactly(0, 1, 2);
    }

    private static LetterRunRecord run(int letters) {
        return new LetterRunRecord(1, LocalDate.of(2030, 1, 1), "admin", OffsetDateTime.now(), letters, 0, 0);
    }
}
