package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.ledger.LedgerFixtures.admin;
import static org.creditdesk.ledger.LedgerFixtures.get;
import static org.creditdesk.ledger.LedgerFixtures.post;
import static org.creditdesk.ledger.LedgerFixtures.salesRepOf;
import static org.creditdesk.ledger.LedgerFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.creditdesk.customers.ReceivablesSummary;
import org.creditdesk.customers.ReceivablesView;
import org.creditdesk.ledger.LedgerFixtures.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The ledger through its HTTP API on the embedded PostgreSQL. Requests carry an authenticated
 * ADMIN (or an area-scoped sales rep) through Spring Security's test support, so the tests hold
 * both before and after the identity module's security configuration is merged.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class LedgerApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReceivablesView receivables;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Ledger ledger;

    LedgerFixtures fixtures;
    String customer;

    @BeforeEach
    void newCustomer() {
        fixtures = new LedgerFixtures(jdbc);
        customer = fixtures.customer("NORTH", "CNY");
        fixtures.creditLimit(customer, "1000000.00");
    }

    @Test
    void order_invoice_partial_payment_and_credit_notes_give_exact_figures() {
        String order = unique("SO");
        Answer recorded = post(mvc, admin(), "/api/v1/orders", orderJson(order, "2025-01-05", "1000.00"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.text("status")).isEqualTo("RELEASED");
        assertThat(recorded.body().get("reasons").isEmpty()).isTrue();
        assertThat(recorded.amount("exposure")).isEqualByComparingTo("1000.00");
        assertThat(recorded.amount("creditLimit")).isEqualByComparingTo("1000000.00");
        assertThat(recorded.amount("available")).isEqualByComparingTo("999000.00");

        String first = unique("INV");
        Answer invoiced = post(
                mvc, admin(), "/api/v1/invoices", invoiceJson(first, order, "2025-01-10", "2025-02-09", "1000.00"));
        assertThat(invoiced.status()).as(invoiced.toString()).isEqualTo(201);
        assertThat(invoiced.amount("openAmount")).isEqualByComparingTo("1000.00");
        assertThat(get(mvc, admin(), "/api/v1/orders/" + order).text("status")).isEqualTo("INVOICED");

        String second = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(second, null, "2025-01-15", "2025-02-14", "500.00"));
        String open = unique("SO");
        // Recorded as the ERP released it: by today (2026 and later) the 2025 invoices are far overdue,
        // and POST /orders would block it (the credit module's tests cover that).
        ledger.recordOrder(
                new RecordOrder(
                        open, customer, LocalDate.parse("2025-02-20"), new BigDecimal("300.00"), null, null, null),
                org.creditdesk.identity.Caller.SYSTEM);
        // Invoiced order no longer counts: 1000 + 500 invoiced + 300 released.
        assertThat(ledger.exposure(fixtures.ref(customer), LocalDate.parse("2025-02-20"))
                        .amount())
                .isEqualByComparingTo("1800.00");

        Answer paid = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-02-01", "amount": 600.00,
                 "method": "BANK_TRANSFER"}
                """.formatted(unique("PAY"), customer));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.text("currency")).isEqualTo("CNY");
        assertThat(paid.amount("unapplied")).isEqualByComparingTo("0.00");
        assertThat(paid.body().get("allocations").get(0).get("invoiceNo").asString())
                .isEqualTo(first);

        Answer credited = post(mvc, admin(), "/api/v1/credit-notes", """
                {"creditNoteNo": "%s", "customerCode": "%s", "invoiceNo": "%s", "issueDate": "2025-02-05",
                 "amount": 150.00, "reason": "damaged goods"}
                """.formatted(unique("CN"), customer, second));
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        assertThat(credited.amount("unapplied")).isEqualByComparingTo("0.00");
        Answer onAccount = post(mvc, admin(), "/api/v1/credit-notes", """
                {"creditNoteNo": "%s", "customerCode": "%s", "issueDate": "2025-02-06",
                 "amount": 80.00, "reason": "volume rebate"}
                """.formatted(unique("CN"), customer));
        assertThat(onAccount.amount("unapplied")).isEqualByComparingTo("80.00");

        assertThat(get(mvc, admin(), "/api/v1/invoices/" + first).amount("openAmount"))
                .isEqualByComparingTo("400.00");
        assertThat(get(mvc, admin(), "/api/v1/invoices/" + second).amount("openAmount"))
                .isEqualByComparingTo("350.00");

        ReceivablesSummary summary =
                receivables.summaryOf(fixtures.customerId(customer), LocalDate.parse("2025-03-01"));
        assertThat(summary.openReceivables()).isEqualByComparingTo("750.00");
        assertThat(summary.overdueAmount()).isEqualByComparingTo("750.00");
        assertThat(summary.maxDaysOverdue()).isEqualTo(20);
        assertThat(summary.releasedOrders()).isEqualByComparingTo("300.00");
        assertThat(summary.unappliedCash()).isEqualByComparingTo("80.00");

        ReceivablesSummary beforeDue =
                receivables.summaryOf(fixtures.customerId(customer), LocalDate.parse("2025-02-09"));
        assertThat(beforeDue.overdueAmount()).isEqualByComparingTo("0.00");
        assertThat(beforeDue.maxDaysOverdue()).isZero();

        Answer again = post(mvc, admin(), "/api/v1/orders", orderJson(unique("SO"), "2025-03-01", "30.00"));
        // Overdue beyond grace blocks the order, so it does not count: 750 open + 300 released - 80 on account.
        assertThat(again.text("status")).isEqualTo("BLOCKED");
        assertThat(again.body().get("reasons").get(0).get("code").asString()).isEqualTo("OVERDUE");
        assertThat(again.amount("exposure")).isEqualByComparingTo("970.00");
    }

    @Test
    void payment_without_allocations_settles_oldest_invoices_first_and_keeps_the_rest_on_account() {
        String later = unique("INV");
        String older = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(later, null, "2025-01-01", "2025-03-01", "200.00"));
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(older, null, "2025-01-05", "2025-02-01", "100.00"));
        Answer paid = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-02-10", "amount": 350.00,
                 "currency": "CNY", "method": "CHEQUE", "chequeNo": "000123"}
                """.formatted(unique("PAY"), customer));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body()
                        .get("allocations")
                        .valueStream()
                        .map(a -> a.get("invoiceNo").asString()))
                .containsExactly(older, later);
        assertThat(paid.amount("unapplied")).isEqualByComparingTo("50.00");
        assertThat(get(mvc, admin(), "/api/v1/customers/" + customer + "/open-items?asOf=2025-02-10")
                        .body()
                        .isEmpty())
                .isTrue();
    }

    @Test
    void explicit_allocations_settle_the_named_invoices() {
        String older = unique("INV");
        String named = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(older, null, "2025-01-01", "2025-01-31", "100.00"));
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(named, null, "2025-01-02", "2025-03-01", "100.00"));
        Answer paid = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-02-10", "amount": 100.00,
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceNo": "%s", "amount": 70.00}]}
                """.formatted(unique("PAY"), customer, named));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.amount("unapplied")).isEqualByComparingTo("30.00");
        assertThat(get(mvc, admin(), "/api/v1/invoices/" + named).amount("openAmount"))
                .isEqualByComparingTo("30.00");
        assertThat(get(mvc, admin(), "/api/v1/invoices/" + older).amount("openAmount"))
                .isEqualByComparingTo("100.00");
    }

    @Test
    void the_same_document_again_changes_nothing_and_other_content_under_its_key_conflicts() {
        String order = unique("SO");
        String orderBody = orderJson(order, "2025-01-05", "100.00");
        assertThat(post(mvc, admin(), "/api/v1/orders", orderBody).status()).isEqualTo(201);
        assertThat(post(mvc, admin(), "/api/v1/orders", orderBody).status()).isEqualTo(200);
        assertThat(post(mvc, admin(), "/api/v1/orders", orderJson(order, "2025-01-05", "100.01"))
                        .status())
                .isEqualTo(409);

        String invoice = unique("INV");
        String invoiceBody = invoiceJson(invoice, order, "2025-01-10", "2025-02-09", "100.00");
        assertThat(post(mvc, admin(), "/api/v1/invoices", invoiceBody).status()).isEqualTo(201);
        assertThat(post(mvc, admin(), "/api/v1/invoices", invoiceBody).status()).isEqualTo(200);
        assertThat(post(
                                mvc,
                                admin(),
                                "/api/v1/invoices",
                                invoiceJson(invoice, order, "2025-01-10", "2025-02-10", "100.00"))
                        .status())
                .isEqualTo(409);

        String note = unique("CN");
        String noteBody = """
                {"creditNoteNo": "%s", "customerCode": "%s", "invoiceNo": "%s", "issueDate": "2025-01-20",
                 "amount": 10.00, "reason": "price difference"}
                """.formatted(note, customer, invoice);
        assertThat(post(mvc, admin(), "/api/v1/credit-notes", noteBody).status())
                .isEqualTo(201);
        assertThat(post(mvc, admin(), "/api/v1/credit-notes", noteBody).status())
                .isEqualTo(200);
        assertThat(post(mvc, admin(), "/api/v1/credit-notes", noteBody.replace("price difference", "other"))
                        .status())
                .isEqualTo(409);

        String payment = unique("PAY");
        String paymentBody = """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-25", "amount": 40.00,
                 "method": "CASH", "allocations": [{"invoiceNo": "%s", "amount": 40.00}]}
                """.formatted(payment, customer, invoice);
        assertThat(post(mvc, admin(), "/api/v1/payments", paymentBody).status()).isEqualTo(201);
        assertThat(post(mvc, admin(), "/api/v1/payments", paymentBody).status()).isEqualTo(200);
        assertThat(post(mvc, admin(), "/api/v1/payments", paymentBody.replace("40.00}]", "30.00}]"))
                        .status())
                .isEqualTo(409);

        // Applied once each: 100 - 10 credited - 40 paid.
        assertThat(get(mvc, admin(), "/api/v1/invoices/" + invoice).amount("openAmount"))
                .isEqualByComparingTo("50.00");
        assertThat(events.stream(PaymentReceived.class)
                        .filter(e -> e.paymentNo().equals(payment)))
                .hasSize(1);
    }

    @Test
    void open_items_as_of_a_past_date_are_rebuilt_from_history() {
        String invoice = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(invoice, null, "2025-01-10", "2025-01-31", "500.00"));
        post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-02-15", "amount": 200.00,
                 "method": "BANK_TRANSFER"}
                """.formatted(unique("PAY"), customer));

        String base = "/api/v1/customers/" + customer + "/open-items?asOf=";
        assertThat(get(mvc, admin(), base + "2025-01-09").body().isEmpty()).isTrue();

        Answer beforePayment = get(mvc, admin(), base + "2025-02-14");
        assertThat(beforePayment.status()).isEqualTo(200);
        assertThat(beforePayment.body().get(0).get("openAmount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(beforePayment.body().get(0).get("daysOverdue").asInt()).isEqualTo(14);

        Answer afterPayment = get(mvc, admin(), base + "2025-02-15");
        assertThat(afterPayment.body().get(0).get("invoiceNo").asString()).isEqualTo(invoice);
        assertThat(afterPayment.body().get(0).get("amount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(afterPayment.body().get(0).get("openAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(afterPayment.body().get(0).get("daysOverdue").asInt()).isEqualTo(15);

        Answer beforeDue = get(mvc, admin(), base + "2025-01-20");
        assertThat(beforeDue.body().get(0).get("daysOverdue").asInt()).isZero();
    }

    @Test
    void malformed_amounts_and_fields_answer_400_naming_the_field() {
        Answer tooPrecise = post(mvc, admin(), "/api/v1/orders", orderJson(unique("SO"), "2025-01-05", "10.005"));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.errorFields()).containsExactly("amount");

        Answer badCurrency = post(mvc, admin(), "/api/v1/invoices", """
                {"invoiceNo": "%s", "customerCode": "%s", "issueDate": "2025-01-01", "dueDate": "2025-01-31",
                 "amount": 10, "currency": "XYZ"}
                """.formatted(unique("INV"), customer));
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.errorFields()).containsExactly("currency");

        Answer chequeWithoutNumber = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-05", "amount": 10.00,
                 "method": "CHEQUE", "allocations": [{"invoiceNo": "X", "amount": 1.001}]}
                """.formatted(unique("PAY"), customer));
        assertThat(chequeWithoutNumber.status()).isEqualTo(400);
        assertThat(chequeWithoutNumber.errorFields()).containsExactly("chequeNo", "allocations[0].amount");

        Answer missing = post(mvc, admin(), "/api/v1/credit-notes", """
                {"customerCode": "%s", "issueDate": "2025-01-05", "amount": -5}
                """.formatted(customer));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("creditNoteNo", "amount", "reason");

        Answer badMethod = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-05", "amount": 10.00,
                 "method": "BITCOIN"}
                """.formatted(unique("PAY"), customer));
        assertThat(badMethod.status()).isEqualTo(400);
        assertThat(badMethod.errorFields()).containsExactly("method");
    }

    @Test
    void rule_violations_answer_422_naming_the_field() {
        Answer dueBeforeIssue = post(
                mvc, admin(), "/api/v1/invoices", invoiceJson(unique("INV"), null, "2025-02-01", "2025-01-31", "10"));
        assertThat(dueBeforeIssue.status()).isEqualTo(422);
        assertThat(dueBeforeIssue.errorFields()).containsExactly("dueDate");

        String otherCustomer = fixtures.customer("NORTH", "CNY");
        fixtures.creditLimit(otherCustomer, "1000.00");
        String foreignOrder = unique("SO");
        post(mvc, admin(), "/api/v1/orders", """
                {"orderNo": "%s", "customerCode": "%s", "orderDate": "2025-01-01", "amount": 10}
                """.formatted(foreignOrder, otherCustomer));
        Answer notTheirs = post(
                mvc,
                admin(),
                "/api/v1/invoices",
                invoiceJson(unique("INV"), foreignOrder, "2025-01-02", "2025-02-01", "10"));
        assertThat(notTheirs.status()).isEqualTo(422);
        assertThat(notTheirs.errorFields()).containsExactly("orderNo");

        String invoice = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(invoice, null, "2025-01-01", "2025-01-31", "100.00"));
        Answer overAllocated = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-05", "amount": 500.00,
                 "method": "CASH", "allocations": [{"invoiceNo": "%s", "amount": 100.01},
                                                   {"invoiceNo": "NO-SUCH-INVOICE", "amount": 1}]}
                """.formatted(unique("PAY"), customer, invoice));
        assertThat(overAllocated.status()).isEqualTo(422);
        assertThat(overAllocated.errorFields()).containsExactly("allocations[0].amount", "allocations[1].invoiceNo");

        Answer moreThanPaid = post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-05", "amount": 50.00,
                 "method": "CASH", "allocations": [{"invoiceNo": "%s", "amount": 60}]}
                """.formatted(unique("PAY"), customer, invoice));
        assertThat(moreThanPaid.status()).isEqualTo(422);
        assertThat(moreThanPaid.errorFields()).containsExactly("allocations");
        // Nothing half-written.
        assertThat(get(mvc, admin(), "/api/v1/invoices/" + invoice).amount("openAmount"))
                .isEqualByComparingTo("100.00");
    }

    @Test
    void an_order_can_be_cancelled_until_it_is_invoiced() {
        String cancelled = unique("SO");
        post(mvc, admin(), "/api/v1/orders", orderJson(cancelled, "2025-01-05", "100.00"));
        Answer cancel = post(mvc, admin(), "/api/v1/orders/" + cancelled + "/cancel", "{}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.text("status")).isEqualTo("CANCELLED");
        assertThat(post(mvc, admin(), "/api/v1/orders/" + cancelled + "/cancel", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(receivables
                        .summaryOf(fixtures.customerId(customer), LocalDate.parse("2025-01-31"))
                        .releasedOrders())
                .isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(events.stream(OrderCancelled.class).filter(e -> e.orderNo().equals(cancelled)))
                .hasSize(1);

        String invoiced = unique("SO");
        post(mvc, admin(), "/api/v1/orders", orderJson(invoiced, "2025-01-05", "100.00"));
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(unique("INV"), invoiced, "2025-01-06", "2025-02-05", "100"));
        Answer refused = post(mvc, admin(), "/api/v1/orders/" + invoiced + "/cancel", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorFields()).containsExactly("status");
        assertThat(post(mvc, admin(), "/api/v1/orders/NO-SUCH-ORDER/cancel", "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void customers_outside_the_callers_areas_are_unknown() {
        String invoice = unique("INV");
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(invoice, null, "2025-01-01", "2025-01-31", "100.00"));

        assertThat(get(mvc, salesRepOf("SOUTH"), "/api/v1/customers/" + customer + "/open-items")
                        .status())
                .isEqualTo(404);
        assertThat(get(mvc, salesRepOf("SOUTH"), "/api/v1/invoices/" + invoice).status())
                .isEqualTo(404);
        assertThat(post(mvc, salesRepOf("SOUTH"), "/api/v1/orders", orderJson(unique("SO"), "2025-01-05", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(get(mvc, salesRepOf("NORTH"), "/api/v1/invoices/" + invoice).status())
                .isEqualTo(200);
        assertThat(post(mvc, admin(), "/api/v1/orders", """
                        {"orderNo": "%s", "customerCode": "NO-SUCH-CUSTOMER", "orderDate": "2025-01-01", "amount": 1}
                        """.formatted(unique("SO")))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void customer_lists_of_payments_and_orders_are_paged() {
        for (int i = 0; i < 3; i++) {
            post(mvc, admin(), "/api/v1/orders", orderJson(unique("SO"), "2025-01-0" + (i + 1), "10.00"));
            post(mvc, admin(), "/api/v1/payments", """
                    {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-0%d", "amount": 5.00,
                     "method": "CASH"}
                    """.formatted(unique("PAY"), customer, i + 1));
        }
        Answer orders = get(mvc, admin(), "/api/v1/customers/" + customer + "/orders?page=0&size=2");
        assertThat(orders.body().get("total").asInt()).isEqualTo(3);
        assertThat(orders.body().get("items").size()).isEqualTo(2);
        assertThat(orders.body().get("items").get(0).get("orderDate").asString())
                .isEqualTo("2025-01-03");
        Answer payments = get(mvc, admin(), "/api/v1/customers/" + customer + "/payments?page=1&size=2");
        assertThat(payments.body().get("items").size()).isEqualTo(1);
        assertThat(payments.body().get("items").get(0).get("amount").decimalValue())
                .isEqualByComparingTo("5.00");
        assertThat(get(mvc, admin(), "/api/v1/customers/" + customer + "/orders?size=0")
                        .errorFields())
                .containsExactly("size");
    }

    @Test
    void every_recorded_document_publishes_its_event() {
        String order = unique("SO");
        String invoice = unique("INV");
        String payment = unique("PAY");
        String note = unique("CN");
        post(mvc, admin(), "/api/v1/orders", orderJson(order, "2025-01-05", "100.00"));
        post(mvc, admin(), "/api/v1/invoices", invoiceJson(invoice, order, "2025-01-06", "2025-02-05", "100.00"));
        post(mvc, admin(), "/api/v1/payments", """
                {"paymentNo": "%s", "customerCode": "%s", "receivedOn": "2025-01-20", "amount": 60.00,
                 "method": "BANK_ACCEPTANCE"}
                """.formatted(payment, customer));
        post(mvc, admin(), "/api/v1/credit-notes", """
                {"creditNoteNo": "%s", "customerCode": "%s", "invoiceNo": "%s", "issueDate": "2025-01-21",
                 "amount": 50.00, "reason": "return"}
                """.formatted(note, customer, invoice));
        long customerId = fixtures.customerId(customer);

        assertThat(events.stream(OrderRecorded.class)).singleElement().satisfies(e -> {
            assertThat(e.orderNo()).isEqualTo(order);
            assertThat(e.status()).isEqualTo(OrderStatus.RELEASED);
        });
        assertThat(events.stream(InvoiceIssued.class)).singleElement().satisfies(e -> {
            assertThat(e.invoiceNo()).isEqualTo(invoice);
            assertThat(e.customerId()).isEqualTo(customerId);
            assertThat(e.amount().amount()).isEqualByComparingTo("100.00");
            assertThat(e.currency()).isEqualTo("CNY");
            assertThat(e.dueDate()).isEqualTo(LocalDate.parse("2025-02-05"));
        });
        assertThat(events.stream(PaymentReceived.class)).singleElement().satisfies(e -> {
            assertThat(e.paymentNo()).isEqualTo(payment);
            assertThat(e.method()).isEqualTo(PaymentMethod.BANK_ACCEPTANCE);
            assertThat(e.unapplied().amount()).isEqualByComparingTo("0.00");
        });
        assertThat(events.stream(CreditNoteIssued.class)).singleElement().satisfies(e -> {
            assertThat(e.creditNoteNo()).isEqualTo(note);
            // Only 40 was still open after the payment; the other 10 stays as credit.
            assertThat(e.unapplied().amount()).isEqualByComparingTo("10.00");
        });
    }

    private String orderJson(String orderNo, String orderDate, String amount) {
        return """
                {"orderNo": "%s", "customerCode": "%s", "orderDate": "%s", "amount": %s, "currency": "CNY",
                 "productLine": "PUMPS", "contractNo": null}
                """.formatted(orderNo, customer, orderDate, amount);
    }

    private String invoiceJson(String invoiceNo, String orderNo, String issueDate, String dueDate, String amount) {
        return """
                {"invoiceNo": "%s", "customerCode": "%s", "orderNo": %s, "issueDate": "%s", "dueDate": "%s",
                 "amount": %s, "currency": "CNY", "productLine": "PUMPS"}
                """.formatted(
                invoiceNo, customer, orderNo == null ? "null" : "\"" + orderNo + "\"", issueDate, dueDate, amount);
    }
}
