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
    NEW_OVERDUE,
    ESCALATED,
    NEXT_ACTION_DUE,
    DISPUTE_OPEN
}
