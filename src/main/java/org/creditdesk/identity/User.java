package org.creditdesk.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A CreditDesk user as others may see it: never with the password. Roles and areas sorted. */
public record User(
        String username,
        String displayName,
        @Nullable String email,
        boolean enabled,
        List<Role> roles,
        List<String> areas) {

    public User {
        roles = roles.stream().sorted().toList();
        areas = areas.stream().sorted().toList();
    }
}
