package org.creditdesk.customers;

/** What an upsert did: the customer, and whether it was created, changed or already as sent. */
public record CustomerSaved(CustomerRef customer, Outcome outcome) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
