package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.credit.CreditLimitRequest;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.credit.NewLimitRequest;
import org.creditdesk.customers.CustomerInput;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;

/** Customers, limits and ledger documents for the risk tests, through the facades. */
final class RiskFixtures {

    static final Caller ADMIN = new Caller("risk-admin", Set.of(Role.ADMIN), Set.of());
    static final Caller REQUESTER = new Caller("risk-requester", Set.of(Role.CREDIT_SUPERVISOR), Set.of());
    static final Caller APPROVER = new Caller("risk-approver", Set.of(Role.GENERAL_MANAGER), Set.of());

    private RiskFixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A random 18-character ID number, unique per test run. */
    static String idNumber() {
        return "1101"
                + String.format("%013d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000L)
                + "X";
    }

    static CustomerInput customer(
            String area,
            String address,
            List<String> phones,
            List<String> accounts,
            List<CustomerInput.PersonInput> people) {
        return new CustomerInput(
                "Risk Test " + UUID.randomUUID().toString().substring(0, 6),
                null,
                null,
                area,
                "VOLUME",
                null,
                30,
                "CNY",
                address,
                List.copyOf(phones),
                null,
                List.copyOf(accounts),
                List.copyOf(people));
    }

    static CustomerInput.PersonInput director(String name, String idNo) {
        return new CustomerInput.PersonInput(name, idNo, "DIRECTOR");
    }

    static CustomerRef plainCustomer(Customers customers, String area) {
        String code = unique("RC");
        customers.upsert(code, customer(area, null, List.of(), List.of(), List.of()), ADMIN);
        return customers.require(code, ADMIN);
    }

    static void limit(CreditLimits limits, CustomerRef customer, String amount, LocalDate today) {
        CreditLimitRequest request = limits.request(
                customer.code(),
                new NewLimitRequest(new BigDecimal(amount), "CNY", null, today.plusYears(1), null, "test line", null),
                REQUESTER);
        limits.approve(request.id(), "fine", APPROVER);
    }

    static void invoice(Ledger ledger, CustomerRef customer, String invoiceNo, LocalDate issued, String amount) {
        ledger.issueInvoice(
                new IssueInvoice(
                        invoiceNo,
                        customer.code(),
                        null,
                        issued,
                        issued.plusDays(30),
                        new BigDecimal(amount),
                        null,
                        null),
                ADMIN);
    }

    static void payment(
            Ledger ledger, CustomerRef customer, String paymentNo, LocalDate receivedOn, String amount, String method) {
        ledger.receivePayment(
                new ReceivePayment(
                        paymentNo,
                        customer.code(),
                        receivedOn,
                        new BigDecimal(amount),
                        null,
                        method,
                        method.equals("CHEQUE") ? "CHQ-" + paymentNo : null,
                        List.of()),
                ADMIN);
    }
}
