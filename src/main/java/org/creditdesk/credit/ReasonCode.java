package org.creditdesk.credit;

/**
 * Why a credit check blocks an order (API.md Credit, reason codes). The last three are ours: a
 * customer on a stored hold, an amount that cannot be converted without guessing a rate, and a check
 * that could not decide at all (it fails closed).
 */
public enum ReasonCode {
    NO_LIMIT,
    LIMIT_EXPIRED,
    OVER_LIMIT,
    OVERDUE,
    CREDIT_STOPPED,
    BOUNCED_CHEQUE,
    LINKED_TO_STOPPED_CUSTOMER,
    LEGAL,
    CONTRACT_LIMIT,
    RISK_CLASS,
    ON_HOLD,
    NO_EXCHANGE_RATE,
    CHECK_FAILED
}
