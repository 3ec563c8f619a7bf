package org.creditdesk.risk;

/** What two linked customers share (API.md Customers, {@code GET /customers/{code}/links}). */
public enum LinkAttribute {
    PERSON,
    PHONE,
    ADDRESS,
    BANK_ACCOUNT,
    EMAIL_DOMAIN
}
