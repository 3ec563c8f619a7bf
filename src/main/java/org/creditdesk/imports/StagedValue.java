package org.creditdesk.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.creditdesk.shared.StrictDates;

/**
 * The typed value of a date or amount column, decided while the row is staged: the text itself
 * when it is one, else nothing. The staging table keeps it beside the text in a {@code DATE} or
 * {@code NUMERIC(19, 2)} column, so the set-based checks and merges read a typed column instead of
 * evaluating {@code import_date()} / {@code import_amount()} (V5, V110) on every row: those cost
 * 1.42 s / 1.11 s of PostgreSQL CPU per million values, the typed column's input 0.18 s / 0.14 s
 * (docs/performance.md, "Session 9: imports").
 *
 * <p>The same rules as the SQL functions: a date is {@code yyyy-MM-dd} in ASCII digits, a real
 * calendar day, year {@value StrictDates#MIN_YEAR} to {@value StrictDates#MAX_YEAR} ({@link
 * StrictDates}); an amount is 1 to 17 ASCII digits, optionally a point and 1 or 2 digits. Where
 * {@code import_date()} raised an error on digit-and-dash garbage such as {@code 2023-1-123}
 * (a 500), this says "not a date" and the check refuses the line.
 */
final class StagedValue {

    private StagedValue() {}

    static boolean isDate(CharSequence text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return false;
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && !digit(text.charAt(i))) return false;
        }
        int year = number(text, 0, 4);
        if (year < StrictDates.MIN_YEAR || year > StrictDates.MAX_YEAR) return false;
        try {
            LocalDate.of(year, number(text, 5, 7), number(text, 8, 10));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isAmount(CharSequence text) {
        int n = text.length();
        int point = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (!digit(c)) {
                return false;
            }
        }
        int whole = point < 0 ? n : point;
        int decimals = point < 0 ? 0 : n - point - 1;
        return whole >= 1 && whole <= 17 && (point < 0 || (decimals >= 1 && decimals <= 2));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + (text.charAt(i) - '0');
        return value;
    }
}
