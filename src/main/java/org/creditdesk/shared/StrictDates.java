package org.creditdesk.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one way a business date enters CreditDesk (issue 15 finding 2): the text {@code yyyy-MM-dd}
 * with a year from {@value #MIN_YEAR} to {@value #MAX_YEAR}, nothing else: no numbers, signs, week
 * dates or times. JSON bodies ({@code shared.web.StrictJson}), query parameters and form fields
 * ({@code shared.web.StrictConversions}), the CSV imports ({@code import_date()} in V110) and the
 * command line all go through it, so a new endpoint gets it without doing anything.
 */
public final class StrictDates {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictDates() {}

    /** The date, or why the text is not one (for a violation message). */
    public sealed interface Parsed {}

    public record Valid(LocalDate date) implements Parsed {}

    public record Invalid(String reason) implements Parsed {}

    public static Parsed read(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return new Invalid("'%s' is not a date yyyy-MM-dd".formatted(shorten(text)));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException e) {
            return new Invalid("'%s' is not a date yyyy-MM-dd".formatted(text));
        }
        return outOfRange(date).<Parsed>map(Invalid::new).orElseGet(() -> new Valid(date));
    }

    /** Why a date already read is refused: its year is outside {@value #MIN_YEAR}–{@value #MAX_YEAR}. */
    public static Optional<String> outOfRange(LocalDate date) {
        return date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR
                ? Optional.of("%s is outside the years %d to %d".formatted(date, MIN_YEAR, MAX_YEAR))
                : Optional.empty();
    }

    /** The date of a field, or a 400 naming the field; blank or null is null (optional fields). */
    public static @Nullable LocalDate parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) return null;
        return switch (read(text.strip())) {
            case Valid valid -> valid.date();
            case Invalid invalid ->
                throw ProblemException.malformed(invalid.reason(), List.of(Violation.field(field, invalid.reason())));
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
