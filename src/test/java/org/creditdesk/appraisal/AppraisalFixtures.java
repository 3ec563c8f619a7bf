package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small book for appraisal tests: areas, reps and customers straight into the shared test database, invoices,
 * payments and credit notes through the ledger's facade. Every key carries a random suffix.
 */
final class AppraisalFixtures {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    AppraisalFixtures(JdbcClient jdbc, Ledger ledger, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String area() {
        String area = unique("AP");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code)")
                .param("code", area)
                .update();
        return area;
    }

    String rep(String area) {
        String rep = unique("REP");
        jdbc.sql("INSERT INTO sales_rep (code, name, area_code) VALUES (:code, :name, :area)")
                .param("code", rep)
                .param("name", "Rep " + rep)
                .param("area", area)
                .update();
        return rep;
    }

    String customer(String area, String rep) {
        String code = unique("AC");
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, sales_rep, payment_term_days, currency)
                        VALUES (:code, :code, :area, 'VOLUME', :rep, 30, 'CNY')
                        """).param("code", code).param("area", area).param("rep", rep).update();
        return code;
    }

    /** Hands a customer to another rep as of a business date (the trigger records the history row). */
    void handOver(String customer, String rep, LocalDate on) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT set_config('creditdesk.business_date', :on, true)")
                    .param("on", on.toString())
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE customer SET sales_rep = :rep WHERE code = :code")
                    .param("rep", rep)
                    .param("code", customer)
                    .update();
        });
    }

    String invoice(String customer, LocalDate issued, LocalDate due, BigDecimal amount) {
        return invoice(customer, issued, due, amount, "CNY");
    }

    String invoice(String customer, LocalDate issued, LocalDate due, BigDecimal amount, String currency) {
        String invoiceNo = unique("AINV");
        ledger.issueInvoice(
                new IssueInvoice(invoiceNo, customer, null, issued, due, amount, currency, null), Caller.SYSTEM);
        return invoiceNo;
    }

    String pay(String customer, LocalDate on, BigDecimal amount, String invoiceNo) {
        return pay(customer, on, amount, invoiceNo, "CNY");
    }

    String pay(String customer, LocalDate on, BigDecimal amount, String invoiceNo, String currency) {
        String paymentNo = unique("APAY");
        ledger.receivePayment(
                new ReceivePayment(
                        paymentNo,
                        customer,
                        on,
                        amount,
                        currency,
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, amount))),
                Caller.SYSTEM);
        return paymentNo;
    }

    void credit(String customer, String invoiceNo, LocalDate on, BigDecimal amount, String reason) {
        credit(customer, invoiceNo, on, amount, reason, "CNY");
    }

    void credit(String customer, String invoiceNo, LocalDate on, BigDecimal amount, String reason, String currency) {
        ledger.issueCreditNote(
                new IssueCreditNote(unique("ACN"), customer, invoiceNo, on, amount, reason, currency), Caller.SYSTEM);
    }

    /** As the ledger's bounce does: the payment's settlements reversed from the date, the invoices reopened. */
    void reverse(String paymentNo, LocalDate on) {
        jdbc.sql("""
                        WITH reversed AS (
                            UPDATE allocation SET reversed_on = :on
                            WHERE payment_id = (SELECT id FROM payment WHERE payment_no = :paymentNo)
                              AND reversed_on IS NULL
                            RETURNING invoice_id, amount
                        )
                        , r AS MATERIALIZED (SELECT invoice_id, sum(amount) AS amount FROM reversed GROUP BY invoice_id)
                        , reopened AS (
                            DELETE FROM paid_item p USING r WHERE p.id = r.invoice_id RETURNING p.id, p.last_allocated_on
                        )
                        , opened AS (
                            INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                                   open_amount, last_allocated_on)
                            SELECT i.id, i.customer_id, i.issue_date, i.due_date, i.currency, i.product_line, i.amount,
                                   r.amount, x.last_allocated_on
                            FROM reopened x JOIN r ON r.invoice_id = x.id JOIN invoice i ON i.id = x.id
                        )
                        UPDATE open_item o SET open_amount = o.open_amount + r.amount
                        FROM r WHERE o.id = r.invoice_id
                        """).param("on", on).param("paymentNo", paymentNo).update();
    }

    void brokenPromise(String customer, LocalDate promisedOn) {
        jdbc.sql("""
                        INSERT INTO payment_promise (customer_id, promised_on, amount, currency, written, made_on, status, created_by)
                        SELECT id, :on, 100.00, 'CNY', FALSE, :on, 'BROKEN', 'test' FROM customer WHERE code = :code
                        """).param("on", promisedOn).param("code", customer).update();
    }

    void bounce(String customer, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO cheque_bounce (customer_id, payment_no, amount, currency, bounced_on, reason, outcome, recorded_at)
                        SELECT id, :no, 10.00, 'CNY', :on, 'test', 'STOPPED', now() FROM customer WHERE code = :code
                        """)
                .param("no", unique("BNC"))
                .param("on", on)
                .param("code", customer)
                .update();
    }

    /** A blocked order released on a date, invoiced by the given invoice. */
    void releasedOrder(String customer, LocalDate orderDate, LocalDate releasedOn, String invoiceNo) {
        String orderNo = unique("AORD");
        jdbc.sql("""
                        INSERT INTO credit_order (order_no, customer_id, customer_code, area_code, order_date, amount, currency,
                                                  status, figures_currency, decided_at, decided_by, resolved_by, resolved_at)
                        SELECT :no, id, code, area_code, :date, 100.00, 'CNY', 'INVOICED', 'CNY', now(), 'test', 'manager',
                               CAST(:released AS date) + time '12:00'
                          FROM customer WHERE code = :code
                        """)
                .param("no", orderNo)
                .param("date", orderDate)
                .param("released", releasedOn)
                .param("code", customer)
                .update();
        jdbc.sql("UPDATE invoice SET order_no = :no WHERE invoice_no = :inv")
                .param("no", orderNo)
                .param("inv", invoiceNo)
                .update();
    }

    @Nullable
    String repOn(String customer, LocalDate on) {
        return jdbc.sql("SELECT customer_sales_rep_on(id, :on) FROM customer WHERE code = :code")
                .param("on", on)
                .param("code", customer)
                .query(String.class)
                .single();
    }
}
