package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A letter run in the history. */
record LetterRunRecord(
        long id, LocalDate asOf, String runBy, OffsetDateTime runAt, int letters, int emailsQueued, long durationMs) {}
