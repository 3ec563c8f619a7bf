package org.creditdesk.risk;

import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/links/clear}: a credit manager decides the link does not block. */
public record LinkClear(
        @Nullable String linkedCustomerCode, @Nullable String reason) {}
