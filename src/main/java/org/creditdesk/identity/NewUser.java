package org.creditdesk.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A user to create: the password in clear (it is hashed before it is stored and never returned);
 * areas confine the area-scoped roles and are created on first use.
 */
public record NewUser(
        String username,
        String password,
        String displayName,
        @Nullable String email,
        Set<Role> roles,
        Set<String> areas) {

    public NewUser {
        roles = Set.copyOf(roles);
        areas = Set.copyOf(areas);
    }
}
