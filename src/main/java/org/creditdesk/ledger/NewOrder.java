package org.creditdesk.ledger;

import org.creditdesk.customers.CustomerRef;

/** A new order validated for recording (its status a placeholder) and the customer it is for. */
public record NewOrder(Order order, CustomerRef customer) {}
