package org.creditdesk.ledger;

/** How the money came in; a cheque can bounce, so it carries its number. */
public enum PaymentMethod {
    BANK_TRANSFER,
    CHEQUE,
    CASH,
    BANK_ACCEPTANCE
}
