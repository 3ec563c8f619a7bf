package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Letter runs are global per business date and must go forward in time, while all tests share one
 * database: every test takes its own window of 60 days, later than any taken before.
 */
public final class LetterDates {

    private static final LocalDate BASE = LocalDate.of(2031, 1, 5);
    private static final AtomicInteger WINDOWS = new AtomicInteger();

    private LetterDates() {}

    public static LocalDate window() {
        return BASE.plusDays(60L * WINDOWS.getAndIncrement());
    }
}
