package org.creditdesk.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per key (a username, or a source address) with an exponentially growing
 * lockout (issue 15 finding 4): from the {@code threshold}-th failure in a row the key is locked for
 * {@code firstLockout}, doubling with every further failure up to {@code maxLockout}. A success clears
 * the key; failures older than {@code forgetAfter} are forgotten. Kept in memory: each instance of the
 * application throttles on its own, which still caps guessing to a few tries per minute per instance.
 */
final class SignInThrottle {

    private static final int MAX_KEYS = 100_000;

    private record Failures(int count, long lastMillis, long lockedUntilMillis) {}

    private final int threshold;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Duration forgetAfter;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(int threshold, Duration firstLockout, Duration maxLockout, Duration forgetAfter, Clock clock) {
        this.threshold = threshold;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    /** How long the key stays locked, if it is locked now. */
    Optional<Duration> lockedFor(String key) {
        Failures current = failures.get(key);
        long now = clock.millis();
        if (current == null || current.lockedUntilMillis() <= now) return Optional.empty();
        return Optional.of(Duration.ofMillis(current.lockedUntilMillis() - now));
    }

    void failed(String key) {
        long now = clock.millis();
        if (failures.size() >= MAX_KEYS) forgetOld(now);
        failures.compute(key, (k, before) -> {
            int count = before == null || now - before.lastMillis() > forgetAfter.toMillis() ? 1 : before.count() + 1;
            long lockedUntil =
                    count < threshold ? 0 : now + lockout(count - threshold).toMillis();
            return new Failures(count, now, lockedUntil);
        });
    }

    void succeeded(String key) {
        failures.remove(key);
    }

    /** The lockout after the n-th failure beyond the threshold (n = 0 for the threshold itself). */
    Duration lockout(int beyond) {
        long millis = firstLockout.toMillis() << Math.min(beyond, 30);
        return Duration.ofMillis(Math.min(millis, maxLockout.toMillis()));
    }

    private void forgetOld(long now) {
        failures.entrySet()
                .removeIf(e -> e.getValue().lockedUntilMillis() <= now
                        && now - e.getValue().lastMillis() > forgetAfter.toMillis());
        if (failures.size() >= MAX_KEYS) failures.clear();
    }
}
