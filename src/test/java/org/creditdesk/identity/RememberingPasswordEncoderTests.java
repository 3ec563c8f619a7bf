package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTests {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder bcrypt = new PasswordEncoder() {
        private final PasswordEncoder real = new BCryptPasswordEncoder(4);

        @Override
        public String encode(CharSequence raw) {
            return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return real.matches(raw, encoded);
        }
    };
    private final RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt);

    @Test
    void a_password_that_matched_is_not_checked_by_bcrypt_again() {
        String hash = encoder.encode("secret-password");

        assertThat(encoder.matches("secret-password", hash)).isTrue();
        assertThat(encoder.matches("secret-password", hash)).isTrue();

        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void a_wrong_password_is_checked_every_time_and_never_matches() {
        String hash = encoder.encode("secret-password");

        assertThat(encoder.matches("guess-password", hash)).isFalse();
        assertThat(encoder.matches("guess-password", hash)).isFalse();

        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void a_remembered_match_does_not_carry_over_to_a_new_hash() {
        String oldHash = encoder.encode("secret-password");
        String newHash = encoder.encode("other-password");
        assertThat(encoder.matches("secret-password", oldHash)).isTrue();

        assertThat(encoder.matches("secret-password", newHash)).isFalse();
    }
}
