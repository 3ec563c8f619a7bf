package org.creditdesk.monitoring;

import org.creditdesk.identity.Role;

/**
 * A role responsible at a level of the ladder. Area-scoped responsibilities resolve to the users of
 * that role assigned to the customer's area; the others to every user with the role.
 */
public record Responsibility(Role role, boolean areaScoped) {}
