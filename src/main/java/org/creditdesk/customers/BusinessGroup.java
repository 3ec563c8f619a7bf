package org.creditdesk.customers;

/**
 * How a customer's business is managed: volume (wholesale) by turnover rhythm, value-added
 * (project) business by contract, each contract with its own credit line.
 */
public enum BusinessGroup {
    VOLUME,
    VALUE_ADDED
}
