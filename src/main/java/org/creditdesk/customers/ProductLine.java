package org.creditdesk.customers;

/** A line of products; orders and invoices name one, and aging and plans split by it. */
public record ProductLine(String code, String name) {}
