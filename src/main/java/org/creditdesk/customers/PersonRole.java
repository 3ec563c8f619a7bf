package org.creditdesk.customers;

/** What a person is to a customer; collectors follow these roles up the customer's approval chain. */
public enum PersonRole {
    LEGAL_REPRESENTATIVE,
    DIRECTOR,
    SHAREHOLDER,
    GENERAL_MANAGER
}
