package org.creditdesk.credit;

import org.creditdesk.identity.Role;

/** Whether a caller may take a decision, and why not. */
public sealed interface AuthorityDecision {

    /** Allowed by the rule of this role. */
    record Allowed(Role role) implements AuthorityDecision {}

    record Denied(String reason) implements AuthorityDecision {}
}
