package org.creditdesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.shared.audit.AuditTrail;
import org.creditdesk.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throttles sign-in attempts per username and per source address, on HTTP Basic and the login form
 * alike (issue 15 finding 4): a locked username or address gets 429 problem+json with Retry-After
 * before its password is even checked. Every failed sign-in is audited (SIGN_IN_FAILED) with the
 * address; a successful one clears the username's count.
 */
@Component
class SignInGuard {

    private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

    private final SignInThrottle users;
    private final SignInThrottle addresses;
    private final AuditTrail audit;
    private final JsonMapper json;

    SignInGuard(SignInSettings settings, Clock clock, AuditTrail audit, JsonMapper json) {
        this.users = new SignInThrottle(
                settings.userFailures(), settings.firstLockout(), settings.maxLockout(), settings.forgetAfter(), clock);
        this.addresses = new SignInThrottle(
                settings.addressFailures(),
                settings.firstLockout(),
                settings.maxLockout(),
                settings.forgetAfter(),
                clock);
        this.audit = audit;
        this.json = json;
    }

    /** The filter to put in front of a chain's authentication filters. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String username = attemptedUsername(request);
                if (username != null) {
                    Optional<Duration> locked =
                            users.lockedFor(key(username)).or(() -> addresses.lockedFor(request.getRemoteAddr()));
                    if (locked.isPresent()) {
                        refuse(request, response, locked.get());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        String address = address(event.getAuthentication());
        users.failed(key(username));
        if (address != null) addresses.failed(address);
        try {
            audit.record(
                    username,
                    "SIGN_IN_FAILED",
                    "user",
                    username,
                    null,
                    Map.of("address", address == null ? "unknown" : address),
                    event.getException().getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.warn("Could not audit a failed sign-in of {}", username, e);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.succeeded(key(event.getAuthentication().getName()));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Duration locked) throws IOException {
        long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                Problems.body(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many sign-in attempts",
                        "Too many failed sign-ins; try again in %d seconds".formatted(seconds),
                        request.getRequestURI(),
                        List.of()));
    }

    /** The username a request tries to sign in as: HTTP Basic, or the login form's POST. */
    static @Nullable String attemptedUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI())) {
            return request.getParameter("username");
        }
        return null;
    }

    private static String key(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static @Nullable String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
