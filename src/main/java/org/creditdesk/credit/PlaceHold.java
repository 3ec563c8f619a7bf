package org.creditdesk.credit;

import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/holds} as written. */
public record PlaceHold(@Nullable String reason, @Nullable String note) {}
