package org.creditdesk.collections;

public enum PromiseStatus {
    OPEN,
    KEPT,
    PARTLY_KEPT,
    BROKEN
}
