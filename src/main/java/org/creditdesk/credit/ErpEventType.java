package org.creditdesk.credit;

/** What the ERP is told about (API.md "Events for the ERP"). */
public enum ErpEventType {
    CUSTOMER_HOLD,
    CUSTOMER_RELEASED,
    ORDER_BLOCKED,
    ORDER_RELEASED,
    CREDIT_STOPPED,
    LIMIT_CHANGED
}
