package org.creditdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The natural-key check is a hand-written loop now; it must say exactly what the documented pattern says. */
class TextLimitsKeyTests {

    private static final Pattern DOCUMENTED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String VALID = "aZ09._-";
    private static final String ANY = "aZ09._-/ é\t\u0000x";

    @Test
    void a_key_is_accepted_exactly_when_it_matches_the_documented_pattern() {
        long seed = System.nanoTime();
        System.out.println("TextLimitsKeyTests seed " + seed);
        Random random = new Random(seed);
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(70);
            String alphabet = random.nextBoolean() ? VALID : ANY;
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < length; i++) key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = key.toString();
            boolean expected = !text.isBlank() && DOCUMENTED.matcher(text).matches();
            assertThat(TextLimits.keyProblem(text).isEmpty())
                    .as("seed %d, key '%s'", seed, text)
                    .isEqualTo(expected);
        }
    }

    @Test
    void the_edges_of_the_pattern() {
        assertThat(TextLimits.keyProblem("INV-2026.001_a")).isEmpty();
        assertThat(TextLimits.keyProblem("A".repeat(64))).isEmpty();
        assertThat(TextLimits.keyProblem("A".repeat(65))).contains("must not be longer than 64 characters");
        assertThat(TextLimits.keyProblem("-A")).isPresent();
        assertThat(TextLimits.keyProblem("A/B")).isPresent();
        assertThat(TextLimits.keyProblem("")).contains("is required");
    }
}
