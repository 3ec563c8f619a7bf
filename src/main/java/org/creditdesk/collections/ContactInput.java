package org.creditdesk.collections;

import org.jspecify.annotations.Nullable;

/** {@code POST /customers/{code}/contacts} and {@code PUT /contacts/{id}} as written. */
public record ContactInput(
        @Nullable String name,
        @Nullable String title,
        @Nullable String department,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String chainRole,
        @Nullable Boolean generalManager) {}
