package org.creditdesk.customers;

/** What other modules need to know of a customer to record business against it. */
public record CustomerRef(long id, String code, String name, String areaCode, String currency, int paymentTermDays) {}
