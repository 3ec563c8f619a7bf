package org.creditdesk.collections.letters;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a letter run did ({@code POST /collections/letter-runs}); a rerun of a date reports zeros.
 *
 * @param runId the run of the date, whose letters print as one PDF
 */
record LetterRun(LocalDate asOf, @Nullable Long runId, int lettersGenerated, int emailsQueued, boolean rerun) {}
