package org.creditdesk.risk;

/** Why the credit department should look at a customer now. */
public enum AlertType {
    LINK_TO_STOPPED,
    CHEQUE_BOUNCED,
    FIRST_OVERDUE,
    CLASS_DROP
}
