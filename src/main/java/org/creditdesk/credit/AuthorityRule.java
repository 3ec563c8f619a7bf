package org.creditdesk.credit;

import org.creditdesk.identity.Role;

/** Under {@code mode}, users with {@code role} may take {@code action} up to {@code ceiling}. */
public record AuthorityRule(PolicyMode mode, AuthorityAction action, Role role, Ceiling ceiling) {}
