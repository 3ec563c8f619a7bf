package org.creditdesk.risk;

/** What a bounce did to the customer's credit (DESIGN.md point 4). */
public enum BounceOutcome {
    /** Stopped until a credit manager reinstates the customer with a reduced limit. */
    STOPPED,
    /** A second bounce within 24 months: stopped for good, a legal case opened, everything open recovered. */
    STOPPED_FOR_GOOD;

    static BounceOutcome of(int bouncesWithinWindow) {
        return bouncesWithinWindow >= 2 ? STOPPED_FOR_GOOD : STOPPED;
    }
}
