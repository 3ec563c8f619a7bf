package org.creditdesk.identity;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of an authenticated request: a CreditDesk user with the areas it is confined to. */
final class SignedInUser implements UserDetails, CredentialsContainer, Callers.CallerPrincipal {

    private final Caller caller;
    private final String displayName;
    private final boolean enabled;
    private final List<GrantedAuthority> authorities;
    private final @Nullable String locale;
    private @Nullable String passwordHash;

    SignedInUser(User user, String passwordHash, @Nullable String locale) {
        this.locale = locale;
        this.caller =
                Caller.forUser(user.username(), java.util.Set.copyOf(user.roles()), java.util.Set.copyOf(user.areas()));
        this.displayName = user.displayName();
        this.enabled = user.enabled();
        this.authorities = user.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        this.passwordHash = passwordHash;
    }

    @Override
    public Caller caller() {
        return caller;
    }

    /** The interface language the user chose ({@code en}, {@code zh-CN}) when signing in; null: the browser's. */
    @Nullable
    String locale() {
        return locale;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public String getUsername() {
        return caller.username();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && user.getUsername().equals(getUsername());
    }

    @Override
    public int hashCode() {
        return getUsername().hashCode();
    }

    @Override
    public String toString() {
        return "SignedInUser[" + getUsername() + "]";
    }
}
