package org.creditdesk.customers;

/**
 * Why the credit check blocks every order of a customer, whatever the amount: the check's reason code
 * ({@code OVERDUE}, {@code LINKED_TO_STOPPED_CUSTOMER}, ...) and its explanation.
 */
public record BlockingReason(String code, String message) {}
