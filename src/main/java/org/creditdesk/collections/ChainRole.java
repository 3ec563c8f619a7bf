package org.creditdesk.collections;

import java.util.List;

/** A person's role in the customer's own payment approval (DESIGN.md point 7). */
public enum ChainRole {
    BLOCKER,
    AUDITOR,
    USER,
    FINANCE,
    KEY_PERSON,
    DECISION_MAKER;

    /** The order a customer's approval follows unless it has its own. */
    public static final List<ChainRole> DEFAULT_CHAIN = List.of(AUDITOR, USER, FINANCE, DECISION_MAKER);
}
