package org.creditdesk.customers;

/** Whether a customer may buy on credit (API.md Customers, {@code status.creditState}). */
public enum CreditState {
    ACTIVE,
    ON_HOLD,
    STOPPED
}
