package org.creditdesk.collections;

/** How a dispute ends: the customer is credited, the objection is refused, or the service fixed it. */
public enum DisputeOutcome {
    CREDIT_NOTE,
    REJECTED,
    FIXED
}
