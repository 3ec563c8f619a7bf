package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers and users written straight into the shared test database, invoices and payments through
 * the ledger's facade (so allocations are the ledger's own). Every key carries a random suffix
 * because all tests share one database.
 */
final class MonitoringFixtures {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    MonitoringFixtures(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String area() {
        String area = unique("AR");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :name)")
                .param("code", area)
                .param("name", "Area " + area)
                .update();
        return area;
    }

    String customer(String area) {
        return customer(area, "Customer", null, "VOLUME");
    }

    String customer(String area, String name, @Nullable String salesRep, String businessGroup) {
        String code = unique("MC");
        if (salesRep != null) {
            jdbc.sql(
                            "INSERT INTO sales_rep (code, name, area_code) VALUES (:code, :code, :area) ON CONFLICT DO NOTHING")
                    .param("code", salesRep)
                    .param("area", area)
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, sales_rep, payment_term_days, currency)
                        VALUES (:code, :name, :area, :group, :rep, 30, 'CNY')
                        """)
                .param("code", code)
                .param("name", name)
                .param("area", area)
                .param("group", businessGroup)
                .param("rep", salesRep)
                .update();
        return code;
    }

    String invoice(String customer, LocalDate issued, LocalDate due, String amount) {
        return invoice(customer, issued, due, amount, "CNY", null);
    }

    String invoice(
            String customer,
            LocalDate issued,
            LocalDate due,
            String amount,
            String currency,
            @Nullable String productLine) {
        String invoiceNo = unique("INV");
        ledger.issueInvoice(
                new IssueInvoice(invoiceNo, customer, null, issued, due, new BigDecimal(amount), currency, productLine),
                Caller.SYSTEM);
        return invoiceNo;
    }

    String pay(String customer, LocalDate receivedOn, String amount, String invoiceNo) {
        String paymentNo = unique("PAY");
        ledger.receivePayment(
                new ReceivePayment(
                        paymentNo,
                        customer,
                        receivedOn,
                        new BigDecimal(amount),
                        "CNY",
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, new BigDecimal(amount)))),
                Caller.SYSTEM);
        return paymentNo;
    }

    /**
     * Moves the customers' settlements (and reversals) back to 1900, after a test that dated them far in the future:
     * later tests' "after the ledger's last settlement change" dates stay so.
     */
    void moveSettlementsBack(List<String> customers) {
        if (customers.isEmpty()) return;
        jdbc.sql("""
                        UPDATE allocation a
                        SET allocated_on = DATE '1900-01-02',
                            reversed_on = CASE WHEN a.reversed_on IS NULL THEN NULL ELSE DATE '1900-01-03' END
                        FROM invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE a.invoice_id = i.id AND c.code = ANY(CAST(:codes AS text[]))
                        """).param("codes", customers.toArray(String[]::new)).update();
    }

    /** What a bounce will do once the ledger has it: the allocations stay, reversed from that day. */
    /** As the ledger's bounce does: the payment's allocations reversed on the date, the invoices reopened. */
    void reverse(String paymentNo, LocalDate reversedOn) {
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
                        """).param("on", reversedOn).param("paymentNo", paymentNo).update();
    }

    /**
     * A stored user with one role and assigned areas, with the e-mail address {@link #mail(String)} of
     * its username or none; returns the username.
     */
    String user(Role role, boolean withEmail, String... areas) {
        String username = unique(role.name().toLowerCase());
        String email = withEmail ? mail(username) : null;
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, email)
                        VALUES (:username, 'not-a-hash', :name, :email) RETURNING id
                        """)
                .param("username", username)
                .param("name", "Name of " + username)
                .param("email", email)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                .param("id", id)
                .param("role", role.name())
                .update();
        for (String area : areas) {
            jdbc.sql("INSERT INTO user_area (user_id, area_code) VALUES (:id, :area)")
                    .param("id", id)
                    .param("area", area)
                    .update();
        }
        return username;
    }

    static String mail(String username) {
        return username.toLowerCase() + "@creditdesk.test";
    }

    static Caller caller(String username, Role role, String... areas) {
        return new Caller(username, Set.of(role), Set.of(areas));
    }
}
