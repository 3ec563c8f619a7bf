package org.creditdesk.customers;

/** A customer's master data (including people, phones, bank accounts) changed. */
public record CustomerChanged(long customerId, String code, int version) {}
