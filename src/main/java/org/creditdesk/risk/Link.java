package org.creditdesk.risk;

/**
 * Another customer sharing a normalised key with this one (API.md {@code GET /customers/{code}/links}).
 * {@code blocking}: the linked customer is stopped or with the lawyer and the link was not cleared.
 */
public record Link(
        String customerCode,
        LinkAttribute attribute,
        String value,
        String linkedCreditState,
        boolean legal,
        boolean cleared,
        boolean blocking) {}
