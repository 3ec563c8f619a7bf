package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a prediction run did: invoices predicted as of the date, by the adopted model or the baseline (null). */
record PredictionRun(LocalDate asOf, int invoices, @Nullable Long modelId, long millis) {}
