package org.creditdesk.collections;

/**
 * Why a customer is on the worklist, in the order that puts it higher: a customer's place is decided
 * by its first reason in this order, then by its escalation level, then by overdue amount weighted by
 * risk class.
 */
public enum WorklistReason {
    BROKEN_PROMISE,
    PROMISE_DUE,
    STALLED_APPROVAL,
    /** Overdue for at most the settings' new-overdue days. */
    NEW_OVERDUE,
    /** Overdue for longer: on the escalation ladder, ranked by level. */
    ESCALATED,
    NEXT_ACTION_DUE,
    DISPUTE_OPEN
}
