package org.creditdesk.ledger;

import org.creditdesk.shared.Money;

/** A released order was invoiced: its reservation turns into the invoice's receivable. */
public record OrderInvoiced(long orderId, String orderNo, long customerId, Money amount) {}
