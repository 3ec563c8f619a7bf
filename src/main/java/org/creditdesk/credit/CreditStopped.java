package org.creditdesk.credit;

/**
 * A customer's credit was stopped or the account went to the lawyer: customers linked to it must be
 * blocked too. Published synchronously inside the transaction that stopped it.
 */
public record CreditStopped(long customerId, String customerCode, String reason) {}
