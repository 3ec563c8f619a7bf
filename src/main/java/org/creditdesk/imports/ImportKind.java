package org.creditdesk.imports;

/** What a CSV file holds; the path segment of {@code POST /api/v1/imports/{kind}}. */
public enum ImportKind {
    CUSTOMERS,
    ORDERS,
    INVOICES,
    PAYMENTS
}
