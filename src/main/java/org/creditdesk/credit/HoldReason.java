package org.creditdesk.credit;

/** Why a customer is on hold. Manual holds are usually MANUAL; the daily run stores the others. */
public enum HoldReason {
    MANUAL,
    OVERDUE,
    OVER_LIMIT,
    LIMIT_EXPIRED,
    BOUNCED_CHEQUE,
    LEGAL,
    RISK_CLASS,
    LINKED_TO_STOPPED_CUSTOMER,
    DISPUTE
}
