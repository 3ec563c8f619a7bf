package org.creditdesk.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;

/** The date option of the CLI commands that run as of a date (scoring, letters, prediction, fitting). */
public final class CommandLineDates {

    private CommandLineDates() {}

    /** {@code --as-of DATE} or {@code --as-of=DATE}; null when absent; DateTimeParseException when malformed. */
    public static @Nullable LocalDate asOf(ApplicationArguments args) {
        List<String> words = List.of(args.getSourceArgs());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--as-of=")) return LocalDate.parse(word.substring("--as-of=".length()));
            if (word.equals("--as-of")) {
                if (i + 1 >= words.size()) throw new DateTimeParseException("--as-of needs a date", "", 0);
                return LocalDate.parse(words.get(i + 1));
            }
        }
        return null;
    }
}
