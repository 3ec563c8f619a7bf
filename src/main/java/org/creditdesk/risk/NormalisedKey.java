package org.creditdesk.risk;

import java.util.Objects;

/** One normalised attribute of a customer; customers with an equal key are linked. */
public record NormalisedKey(LinkAttribute attribute, String value) {

    public NormalisedKey {
        Objects.requireNonNull(attribute, "attribute");
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a key needs a value");
    }
}
