package org.creditdesk.risk;

import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/reinstate}: why the credit manager lets the customer buy again. */
public record BounceReinstate(@Nullable String note) {}
