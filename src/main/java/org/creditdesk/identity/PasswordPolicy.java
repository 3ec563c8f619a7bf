package org.creditdesk.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be (ASVS V6, issue 15 finding 4): at least {@value #MIN_LENGTH} characters (a
 * passphrase of a few words does it), at most {@value #MAX_BYTES} bytes (all BCrypt reads), not one
 * of the common passwords attackers try first, not the username, not one character repeated.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why the password is refused, if it is. */
    static Optional<String> problem(String password, String username) {
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(
                    "must have at least %d characters (a passphrase of a few words is fine)".formatted(MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must not be longer than %d bytes in UTF-8".formatted(MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username.toLowerCase(Locale.ROOT).strip();
        if (!name.isEmpty()
                && (lower.equals(name)
                        || lower.equals(new StringBuilder(name).reverse().toString()))) {
            return Optional.of("must not be the username");
        }
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("[^a-z0-9]", ""))) {
            return Optional.of("is one of the most common passwords; choose another");
        }
        if (password.codePoints().distinct().count() < 3) {
            return Optional.of("must not be one or two characters repeated");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("identity/common-passwords.txt is missing");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
