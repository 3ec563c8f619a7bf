package org.creditdesk.collections;

import org.jspecify.annotations.Nullable;

/** One of the customer's people, by role in its payment approval. */
public record Contact(
        long id,
        String customerCode,
        String name,
        @Nullable String title,
        @Nullable String department,
        @Nullable String phone,
        @Nullable String email,
        ChainRole chainRole,
        boolean generalManager,
        boolean active) {}
