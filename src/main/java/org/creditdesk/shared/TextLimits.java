package org.creditdesk.shared;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What text CreditDesk stores (issue 15 finding 3), checked before anything is written.
 *
 * <ul>
 *   <li><b>Natural keys</b> (customer code, order, invoice, payment and credit-note numbers, contract
 *       numbers): 1 to {@value #KEY_MAX} ASCII letters, digits and {@code - _ .}, starting with a letter or
 *       digit. Every such key is reachable as one URL path segment without encoding; {@code /} is not
 *       allowed because an encoded slash is refused by the firewall in front of the API.
 *   <li><b>Any text</b>: no NUL and no lone UTF-16 surrogate (refused for every JSON string by {@code
 *       shared.web.StrictJson} and for every parameter by {@code shared.web.RequestHygiene}); at most
 *       {@value #ANY_TEXT_MAX} characters per JSON string.
 *   <li><b>Names</b> ≤ {@value #NAME_MAX}, <b>short values</b> (registration and ID numbers, phones,
 *       e-mail, bank accounts, areas, product lines, people's roles) ≤ {@value #SHORT_MAX}, <b>long
 *       text</b> (addresses, notes, reasons, justifications) ≤ {@value #LONG_MAX} characters — all well
 *       below PostgreSQL's index row limit (~2,700 bytes) even in 4-byte UTF-8.
 * </ul>
 */
public final class TextLimits {

    public static final int KEY_MAX = 64;
    public static final int SHORT_MAX = 100;
    public static final int NAME_MAX = 200;
    public static final int LONG_MAX = 2000;
    public static final int ANY_TEXT_MAX = 4000;

    private TextLimits() {}

    /** Why this is not a natural key, if it is not one. */
    public static Optional<String> keyProblem(@Nullable String key) {
        if (key == null || key.isBlank()) return Optional.of("is required");
        if (isKey(key)) return Optional.empty();
        return Optional.of(
                key.length() > KEY_MAX
                        ? "must not be longer than %d characters".formatted(KEY_MAX)
                        : "'%s' may only hold letters A-Z, digits and - _ . (starting with a letter or digit)"
                                .formatted(printable(key)));
    }

    /** Why this text is not storable: NUL, a lone surrogate, or longer than {@code max}. */
    public static Optional<String> textProblem(@Nullable String text, int max) {
        if (text == null) return Optional.empty();
        if (text.length() > max) return Optional.of("must not be longer than %d characters".formatted(max));
        return characterProblem(text);
    }

    /** NUL or a lone UTF-16 surrogate: neither can be stored in PostgreSQL text. */
    public static Optional<String> characterProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') return Optional.of("must not contain the NUL character");
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains a lone UTF-16 surrogate (not valid Unicode text)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate (not valid Unicode text)");
            }
        }
        return Optional.empty();
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}} without a regular expression: imports check three keys on
     * each of millions of rows.
     */
    private static boolean isKey(String key) {
        int n = key.length();
        if (n == 0 || n > KEY_MAX) return false;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
        }
        return true;
    }

    /** Adds a violation when the key is not a natural key. */
    public static void checkKey(String field, @Nullable String key, List<Violation> violations) {
        keyProblem(key).ifPresent(problem -> violations.add(Violation.field(field, problem)));
    }

    /** Adds a violation when the text is not storable or longer than {@code max}. */
    public static void checkText(String field, @Nullable String text, int max, List<Violation> violations) {
        textProblem(text, max).ifPresent(problem -> violations.add(Violation.field(field, problem)));
    }

    /** A 400 naming the field unless the key is a natural key. */
    public static String requireKey(String field, @Nullable String key) {
        Optional<String> problem = keyProblem(key);
        if (problem.isPresent()) {
            throw ProblemException.malformed(
                    "%s %s".formatted(field, problem.get()), List.of(Violation.field(field, problem.get())));
        }
        return key == null ? "" : key;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(KEY_MAX).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.isSurrogate((char) cp)) {
                out.append("\\u%04X".formatted(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
