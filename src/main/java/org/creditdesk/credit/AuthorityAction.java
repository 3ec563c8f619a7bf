package org.creditdesk.credit;

/** The decisions the authority matrix governs. */
public enum AuthorityAction {
    APPROVE_LIMIT,
    RELEASE_ORDER
}
