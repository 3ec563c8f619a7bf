package org.creditdesk.customers;

/** A new customer entered the master data. */
public record CustomerRegistered(long customerId, String code) {}
