package org.creditdesk.ledger;

/** Where a sales order stands; only RELEASED orders count in exposure. */
public enum OrderStatus {
    RELEASED,
    BLOCKED,
    REJECTED,
    INVOICED,
    CANCELLED
}
