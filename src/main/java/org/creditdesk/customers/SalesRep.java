package org.creditdesk.customers;

import org.jspecify.annotations.Nullable;

/** A sales representative; customers name one, and sales appraisal follows the rep's customers. */
public record SalesRep(String code, String name, @Nullable String area) {}
