package org.creditdesk.identity;

import java.util.Set;

/**
 * Who is asking, with what roles and which areas. {@link #areas()} empty means every area; it is
 * only ever non-empty for area-scoped users (sales roles and collectors).
 */
public record Caller(String username, Set<Role> roles, Set<String> areas) {

    public static final Caller SYSTEM = new Caller("system", Set.of(Role.ADMIN), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        areas = Set.copyOf(areas);
    }

    public boolean seesAllAreas() {
        return areas.isEmpty();
    }

    public boolean sees(String areaCode) {
        return areas.isEmpty() || areas.contains(areaCode);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The areas to filter SQL by, as an array for {@code area_code = ANY(:areas)}; null when all. */
    public String[] areaFilter() {
        return areas.toArray(String[]::new);
    }
}
