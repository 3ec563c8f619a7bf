package org.creditdesk.customers;

import org.jspecify.annotations.Nullable;

/**
 * A search of the customer list: {@code query} matches a code prefix or a part of the name, both
 * ignoring case; the other filters match exactly. Pages count from 0.
 */
public record CustomerQuery(
        @Nullable String query,
        @Nullable String area,
        @Nullable String riskClass,
        @Nullable CreditState creditState,
        int page,
        int size,
        CustomerSort sort,
        boolean descending) {

    public static final int DEFAULT_SIZE = 50;

    /** Ordered by name. */
    public CustomerQuery(
            @Nullable String query,
            @Nullable String area,
            @Nullable String riskClass,
            @Nullable CreditState creditState,
            int page,
            int size) {
        this(query, area, riskClass, creditState, page, size, CustomerSort.NAME, false);
    }

    public static final int MAX_SIZE = 500;

    public CustomerQuery {
        query = CustomerData.blankToNull(query);
        area = CustomerData.blankToNull(area);
        riskClass = CustomerData.blankToNull(riskClass);
        Page.requireValid(page, size, MAX_SIZE);
    }

    public static CustomerQuery firstPage(@Nullable String query) {
        return new CustomerQuery(query, null, null, null, 0, DEFAULT_SIZE);
    }

    public CustomerQuery withSort(CustomerSort sort, boolean descending) {
        return new CustomerQuery(query, area, riskClass, creditState, page, size, sort, descending);
    }

    public CustomerQuery withPage(int page, int size) {
        return new CustomerQuery(query, area, riskClass, creditState, page, size, sort, descending);
    }

    long offset() {
        return (long) page * size;
    }
}
