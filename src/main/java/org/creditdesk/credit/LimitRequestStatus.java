package org.creditdesk.credit;

public enum LimitRequestStatus {
    PENDING,
    APPROVED,
    REJECTED
}
