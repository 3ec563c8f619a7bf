package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.customers.CustomerInput;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;

/** Customers and ledger documents for the collections tests, through the facades. */
final class CollectionsFixtures {

    static final Caller ADMIN = new Caller("collections-admin", Set.of(Role.ADMIN), Set.of());

    private CollectionsFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static CustomerRef customer(Customers customers, String area) {
        String code = unique("CC");
        customers.upsert(
                code,
                new CustomerInput(
                        "Collections Test " + code,
                        null,
                        null,
                        area,
                        "VALUE_ADDED",
                        null,
                        30,
                        "CNY",
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of()),
                ADMIN);
        return customers.require(code, ADMIN);
    }

    static String invoice(Ledger ledger, CustomerRef customer, LocalDate issued, LocalDate due, String amount) {
        String invoiceNo = unique("CI");
        ledger.issueInvoice(
                new IssueInvoice(invoiceNo, customer.code(), null, issued, due, new BigDecimal(amount), null, null),
                ADMIN);
        return invoiceNo;
    }

    static void payment(Ledger ledger, CustomerRef customer, LocalDate receivedOn, String amount) {
        ledger.receivePayment(
                new ReceivePayment(
                        unique("CP"),
                        customer.code(),
                        receivedOn,
                        new BigDecimal(amount),
                        null,
                        "BANK_TRANSFER",
                        null,
                        List.of()),
                ADMIN);
    }
}
