package org.creditdesk.risk;

import org.jspecify.annotations.Nullable;

/**
 * Another customer sharing a normalised key with this one (API.md {@code GET /customers/{code}/links}).
 * {@code blocking}: the linked customer is stopped or with the lawyer and the link was not cleared.
 * A linked customer outside the caller's areas shows only that the link exists, what kind of key is
 * shared and whether it blocks: {@code outsideYourAreas} is true and code, value and credit state are
 * null (issue 15 finding 5).
 */
public record Link(
        @Nullable String customerCode,
        LinkAttribute attribute,
        @Nullable String value,
        @Nullable String linkedCreditState,
        boolean legal,
        boolean cleared,
        boolean blocking,
        boolean outsideYourAreas) {}
