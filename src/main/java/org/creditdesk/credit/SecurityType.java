package org.creditdesk.credit;

/** Collateral that raises a customer's usable limit while it is valid. */
public enum SecurityType {
    BANK_GUARANTEE,
    CASH_DEPOSIT,
    LETTER_OF_CREDIT
}
