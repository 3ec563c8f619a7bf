package org.creditdesk.customers;

import org.jspecify.annotations.Nullable;

/** One row of the customer list. */
public record CustomerSummary(
        String code,
        String name,
        String area,
        BusinessGroup businessGroup,
        @Nullable String salesRep,
        String currency,
        int paymentTermDays,
        CreditState creditState) {}
