package org.creditdesk.collections;

public enum DisputeStatus {
    OPEN,
    IN_SERVICE,
    RESOLVED
}
