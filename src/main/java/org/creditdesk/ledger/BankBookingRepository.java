package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creditdesk.ledger.BankBooking.Planned;
import org.creditdesk.ledger.BankBooking.Settled;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a statement's planned payments at once, whatever the number of entries: one statement for
 * the payments (each with its final unapplied amount), one for their allocations; the open amounts
 * follow with {@link InvoiceRepository#settle}.
 */
@Repository
class BankBookingRepository {

    private static final String INSERT_PAYMENTS = """
            INSERT INTO payment (payment_no, customer_id, received_on, amount, currency, method, cheque_no, unapplied)
            SELECT t.payment_no, t.customer_id, t.received_on, t.amount, t.currency, t.method, t.cheque_no, t.unapplied
            FROM unnest(CAST(:paymentNos AS text[]), CAST(:customerIds AS bigint[]), CAST(:receivedOn AS date[]),
                        CAST(:amounts AS numeric[]), CAST(:currencies AS text[]), CAST(:methods AS text[]),
                        CAST(:chequeNos AS text[]), CAST(:unapplied AS numeric[]))
                 AS t (payment_no, customer_id, received_on, amount, currency, method, cheque_no, unapplied)
            RETURNING id, payment_no
            """;
    // The invoice's customer, dates and currency (V73) come with the plan, which locked the open items: joining
    // invoice here made the planner hash the whole table (a sequential scan of 4.9 M rows at 100,000 customers)
    // for a statement of 95,000 settlements.
    private static final String INSERT_ALLOCATIONS = """
            INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on,
                                    invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency)
            SELECT t.customer_id, t.invoice_id, t.payment_id, t.amount, t.allocated_on,
                   t.invoice_customer_id, t.invoice_issue_date, t.invoice_due_date, t.invoice_currency
            FROM unnest(CAST(:customerIds AS bigint[]), CAST(:paymentIds AS bigint[]), CAST(:invoiceIds AS bigint[]),
                        CAST(:amounts AS numeric[]), CAST(:dates AS date[]), CAST(:invoiceCustomerIds AS bigint[]),
                        CAST(:issueDates AS date[]), CAST(:dueDates AS date[]), CAST(:currencies AS text[]))
                 AS t (customer_id, payment_id, invoice_id, amount, allocated_on, invoice_customer_id,
                       invoice_issue_date, invoice_due_date, invoice_currency)
            """;

    private final JdbcClient jdbc;

    BankBookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the payments; returns their ids by payment number. */
    Map<String, Long> insertPayments(List<Planned> plans) {
        Map<String, Long> ids = new HashMap<>();
        if (plans.isEmpty()) return ids;
        List<String> methods = new ArrayList<>(plans.size());
        List<String> chequeNos = new ArrayList<>(plans.size());
        for (Planned plan : plans) {
            BankCredit credit = plan.credit();
            methods.add(credit.cheque() ? PaymentMethod.CHEQUE.name() : PaymentMethod.BANK_TRANSFER.name());
            chequeNos.add(credit.cheque() ? Objects.requireNonNullElse(credit.chequeNo(), credit.paymentNo()) : null);
        }
        jdbc.sql(INSERT_PAYMENTS)
                .param(
                        "paymentNos",
                        plans.stream().map(p -> p.credit().paymentNo()).toArray(String[]::new))
                .param("customerIds", plans.stream().map(p -> p.customer().id()).toArray(Long[]::new))
                .param(
                        "receivedOn",
                        plans.stream()
                                .map(p -> p.credit().receivedOn().toString())
                                .toArray(String[]::new))
                .param(
                        "amounts",
                        plans.stream().map(p -> plain(p.credit().amount())).toArray(String[]::new))
                .param(
                        "currencies",
                        plans.stream().map(p -> p.credit().currency()).toArray(String[]::new))
                .param("methods", methods.toArray(String[]::new))
                .param("chequeNos", chequeNos.toArray(String[]::new))
                .param(
                        "unapplied",
                        plans.stream().map(p -> plain(p.unapplied())).toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("payment_no"), rs.getLong("id"));
                });
        return ids;
    }

    /** Inserts the allocations of the payments {@link #insertPayments} wrote, by the ids it returned. */
    void insertAllocations(List<Planned> plans, Map<String, Long> paymentIds) {
        List<Long> customerIds = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Settled> settled = new ArrayList<>();
        for (Planned p : plans) {
            for (Settled s : p.settlements()) {
                customerIds.add(p.customer().id());
                ids.add(paymentIds.get(p.credit().paymentNo()));
                settled.add(s);
            }
        }
        if (settled.isEmpty()) return;
        jdbc.sql(INSERT_ALLOCATIONS)
                .param("customerIds", customerIds.toArray(Long[]::new))
                .param("paymentIds", ids.toArray(Long[]::new))
                .param("invoiceIds", settled.stream().map(Settled::invoiceId).toArray(Long[]::new))
                .param("amounts", settled.stream().map(s -> plain(s.amount())).toArray(String[]::new))
                .param("dates", settled.stream().map(s -> s.on().toString()).toArray(String[]::new))
                .param(
                        "invoiceCustomerIds",
                        settled.stream().map(s -> s.invoice().customerId()).toArray(Long[]::new))
                .param(
                        "issueDates",
                        settled.stream()
                                .map(s -> s.invoice().issueDate().toString())
                                .toArray(String[]::new))
                .param(
                        "dueDates",
                        settled.stream()
                                .map(s -> s.invoice().dueDate().toString())
                                .toArray(String[]::new))
                .param(
                        "currencies",
                        settled.stream().map(s -> s.invoice().currency()).toArray(String[]::new))
                .update();
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
