package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

/** A letter run in the history. */
record LetterRunRecord(
        long id, LocalDate asOf, String runBy, OffsetDateTime runAt, int letters, int emailsQueued, long durationMs) {

    /** The printed parts of the run's PDF (0 to n - 1); one part up to {@link ReminderLetters#PRINT_PART} letters. */
    public List<Integer> printParts() {
        int parts = (letters + ReminderLetters.PRINT_PART - 1) / ReminderLetters.PRINT_PART;
        return IntStream.range(0, parts).boxed().toList();
    }
}
