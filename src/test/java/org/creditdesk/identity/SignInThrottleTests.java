package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-06T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    final ManualClock clock = new ManualClock();
    final SignInThrottle throttle =
            new SignInThrottle(5, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(15), clock);

    @Test
    void four_failures_lock_nothing_and_the_fifth_locks_for_five_seconds() {
        for (int i = 0; i < 4; i++) throttle.failed("jane");
        assertThat(throttle.lockedFor("jane")).isEmpty();
        throttle.failed("jane");
        assertThat(throttle.lockedFor("jane")).hasValue(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        assertThat(throttle.lockedFor("jane")).isEmpty();
    }

    @Test
    void every_further_failure_doubles_the_lockout_up_to_fifteen_minutes() {
        assertThat(throttle.lockout(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(throttle.lockout(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(throttle.lockout(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(throttle.lockout(20)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.lockout(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_success_clears_the_count_and_old_failures_are_forgotten() {
        for (int i = 0; i < 4; i++) throttle.failed("jane");
        throttle.succeeded("jane");
        throttle.failed("jane");
        assertThat(throttle.lockedFor("jane")).isEmpty();

        for (int i = 0; i < 4; i++) throttle.failed("joe");
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("joe");
        assertThat(throttle.lockedFor("joe"))
                .as("the earlier four are forgotten")
                .isEmpty();
    }

    @Test
    void keys_are_counted_apart() {
        for (int i = 0; i < 5; i++) throttle.failed("jane");
        assertThat(throttle.lockedFor("joe")).isEmpty();
    }
}
