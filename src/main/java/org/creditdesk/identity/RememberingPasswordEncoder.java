package org.creditdesk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, remembering for a few minutes which password matched which stored hash. API clients
 * send HTTP Basic credentials with every request; checking BCrypt each time would cost tens of
 * milliseconds of CPU per request. Only successful matches are remembered, keyed by an HMAC under
 * a key that lives in this process only, and tied to the stored hash: a changed password misses.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

    private static final long REMEMBER_NANOS = 5L * 60 * 1_000_000_000;
    private static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    private final Map<String, Long> matchedUntil = new ConcurrentHashMap<>();

    RememberingPasswordEncoder(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        long now = System.nanoTime();
        Long until = matchedUntil.get(fingerprint);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (matchedUntil.size() >= MAX_REMEMBERED) {
                matchedUntil.clear();
            }
            matchedUntil.put(fingerprint, now + REMEMBER_NANOS);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
