package org.creditdesk.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is asking, with what roles and which areas. {@link #areas()} empty means every area; it is
 * only ever non-empty for area-scoped users (sales roles and collectors).
 */
public record Caller(String username, Set<Role> roles, Set<String> areas) implements Serializable {

    public static final Caller SYSTEM = new Caller("system", Set.of(Role.ADMIN), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        areas = Set.copyOf(areas);
    }

    /**
     * The caller a user signs in as. Assigned areas confine only area-scoped roles: one role that
     * is not area-scoped (a credit manager, say) already lets the user see every customer, so the
     * areas are dropped rather than narrowing that role's view.
     */
    public static Caller forUser(String username, Set<Role> roles, Set<String> assignedAreas) {
        boolean onlyAreaScoped = roles.stream().allMatch(Role::isAreaScoped);
        return new Caller(username, roles, onlyAreaScoped ? assignedAreas : Set.of());
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

    /**
     * The areas to filter SQL by; empty means every area, so queries read
     * {@code (cardinality(:areas) = 0 OR area_code = ANY(:areas))}.
     */
    public String[] areaFilter() {
        return areas.toArray(String[]::new);
    }
}
