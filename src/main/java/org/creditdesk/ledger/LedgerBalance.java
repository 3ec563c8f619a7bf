package org.creditdesk.ledger;

import java.math.BigDecimal;

/**
 * A customer's current totals in one currency, from the documents as they stand now: open
 * receivables, released orders not yet invoiced, and cash or credit on account (payments and credit
 * notes not applied to invoices).
 */
public record LedgerBalance(
        long customerId,
        String currency,
        BigDecimal openReceivables,
        BigDecimal releasedOrders,
        BigDecimal unappliedCredit) {}
