package org.creditdesk.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.shared.ProblemException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The caller of the current web request. Jobs and command-line runs have no request; they pass
 * {@link Caller#SYSTEM} explicitly instead of relying on an ambient identity.
 */
@Component
public class Callers {

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw ProblemException.forbidden("Not authenticated").withKey("problem.text.notAuthenticated");
        }
        if (authentication.getPrincipal() instanceof CallerPrincipal principal) {
            return principal.caller();
        }
        Set<Role> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .filter(name ->
                        Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Caller(authentication.getName(), roles, Set.of());
    }

    /** Implemented by the authenticated principal, which knows the user's areas. */
    public interface CallerPrincipal {
        Caller caller();
    }
}
