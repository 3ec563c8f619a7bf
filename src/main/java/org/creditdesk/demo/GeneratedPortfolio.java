package org.creditdesk.demo;

import java.nio.file.Path;

/** Where the CSV files went and how many records each holds. */
public record GeneratedPortfolio(
        Path directory,
        long customers,
        long orders,
        long invoices,
        long payments,
        long creditNotes,
        long bouncedCheques,
        long replacementPayments) {

    public static final String CUSTOMERS = "customers.csv";
    public static final String ORDERS = "orders.csv";
    public static final String INVOICES = "invoices.csv";
    public static final String PAYMENTS = "payments.csv";
    public static final String CREDIT_NOTES = "credit-notes.csv";
    /** Cheques in payments.csv that the bank returned; to be sent to the bounce endpoint. */
    public static final String BOUNCED_CHEQUES = "bounced-cheques.csv";
    /** Transfers that replaced bounced cheques; they can only settle their invoice after the bounce. */
    public static final String REPLACEMENT_PAYMENTS = "replacement-payments.csv";
    /** The answer key: which behaviour the generator gave each customer (not imported). */
    public static final String BEHAVIOURS = "customer-behaviours.csv";
    /** The limit each customer's credit manager granted (not imported; the demo requests and approves them). */
    public static final String CREDIT_LIMITS = "credit-limits.csv";

    public Path file(String name) {
        return directory.resolve(name);
    }
}
