package org.creditdesk.collections;

/** Where an invoice stands at one step of the customer's approval chain. */
public enum StepStatus {
    WAITING,
    CLEARED,
    OBJECTED
}
