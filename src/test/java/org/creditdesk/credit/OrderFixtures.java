package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers with approved limits and ledger documents for the credit check tests, through the facades. */
final class OrderFixtures {

    static final Caller ADMIN = CreditFixtures.caller("orders-admin", Role.ADMIN);
    static final Caller REQUESTER = CreditFixtures.caller("orders-requester", Role.CREDIT_SUPERVISOR);
    static final Caller APPROVER = CreditFixtures.caller("orders-approver", Role.GENERAL_MANAGER);

    final JdbcClient jdbc;
    final Customers customers;
    final CreditLimits limits;
    final CreditOrders orders;
    final Ledger ledger;
    final BusinessCalendar calendar;

    OrderFixtures(
            JdbcClient jdbc,
            Customers customers,
            CreditLimits limits,
            CreditOrders orders,
            Ledger ledger,
            BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.limits = limits;
        this.orders = orders;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    LocalDate today() {
        return calendar.today();
    }

    CustomerRef customer(String area, String businessGroup, String currency) {
        String code = "OC-" + CreditFixtures.suffix();
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code) ON CONFLICT DO NOTHING")
                .param("code", area)
                .update();
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, :name, :area, :group, 30, :currency)
                        """)
                .param("code", code)
                .param("name", "Order Test " + code)
                .param("area", area)
                .param("group", businessGroup)
                .param("currency", currency)
                .update();
        return customers.require(code, Caller.SYSTEM);
    }

    CustomerRef customer() {
        return customer("OT", "VOLUME", "CNY");
    }

    /** Requests and approves (four eyes) a limit valid for a year from today. */
    void limit(CustomerRef customer, String amount, String currency, @Nullable String contractNo) {
        CreditLimitRequest request = limits.request(
                customer.code(),
                new NewLimitRequest(
                        new BigDecimal(amount), currency, null, today().plusYears(1), null, "test line", contractNo),
                REQUESTER);
        limits.approve(request.id(), "fine", APPROVER);
    }

    void limit(CustomerRef customer, String amount) {
        limit(customer, amount, "CNY", null);
    }

    OrderOutcome order(CustomerRef customer, String orderNo, String amount) {
        return order(customer, orderNo, amount, null, null);
    }

    OrderOutcome order(
            CustomerRef customer,
            String orderNo,
            String amount,
            @Nullable String currency,
            @Nullable String contractNo) {
        return orders.place(
                        new RecordOrder(
                                orderNo, customer.code(), today(), new BigDecimal(amount), currency, null, contractNo),
                        ADMIN)
                .outcome();
    }

    void invoice(
            CustomerRef customer,
            String invoiceNo,
            @Nullable String orderNo,
            LocalDate issued,
            LocalDate due,
            String amount) {
        ledger.issueInvoice(
                new IssueInvoice(invoiceNo, customer.code(), orderNo, issued, due, new BigDecimal(amount), null, null),
                ADMIN);
    }

    void payment(CustomerRef customer, String paymentNo, LocalDate receivedOn, String amount, String method) {
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

    void creditNote(CustomerRef customer, String noteNo, @Nullable String invoiceNo, String amount) {
        ledger.issueCreditNote(
                new IssueCreditNote(
                        noteNo, customer.code(), invoiceNo, today(), new BigDecimal(amount), "return", null),
                ADMIN);
    }

    static String unique(String prefix) {
        return prefix + "-" + CreditFixtures.suffix();
    }
}
