package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers, escalation levels, contacts, promises, disputes and legal cases written with SQL into the
 * shared test database (the collections API for contacts, promises and disputes is another branch's);
 * invoices and payments through the ledger's facade. Keys carry a random suffix.
 */
public final class LetterFixtures {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    public LetterFixtures(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public String area() {
        String area = unique("LA");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code)")
                .param("code", area)
                .update();
        return area;
    }

    public String customer(String area, String name, @Nullable String email, @Nullable String language) {
        String code = unique("LC");
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency, address,
                                              email, language)
                        VALUES (:code, :name, :area, 'VOLUME', 30, 'CNY', :address, :email, :language)
                        """)
                .param("code", code)
                .param("name", name)
                .param("area", area)
                .param("address", "88 Nanjing Road")
                .param("email", email)
                .param("language", language)
                .update();
        return code;
    }

    public long id(String customer) {
        return jdbc.sql("SELECT id FROM customer WHERE code = :code")
                .param("code", customer)
                .query(Long.class)
                .single();
    }

    public String invoice(String customer, LocalDate due, String amount) {
        String invoiceNo = unique("LI");
        ledger.issueInvoice(
                new IssueInvoice(
                        invoiceNo, customer, null, due.minusDays(30), due, new BigDecimal(amount), "CNY", null),
                Caller.SYSTEM);
        return invoiceNo;
    }

    public void pay(String customer, LocalDate on, String amount, String invoiceNo) {
        ledger.receivePayment(
                new ReceivePayment(
                        unique("LP"),
                        customer,
                        on,
                        new BigDecimal(amount),
                        "CNY",
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, new BigDecimal(amount)))),
                Caller.SYSTEM);
    }

    /** The customer on a level from a date on (what monitoring's daily run records). */
    public void level(String customer, int level, LocalDate from) {
        jdbc.sql("UPDATE escalation_history SET left_on = :from WHERE customer_id = :id AND left_on IS NULL")
                .param("id", id(customer))
                .param("from", from)
                .update();
        jdbc.sql("""
                        INSERT INTO escalation_history (customer_id, level, entered_on, days_overdue, overdue_amount,
                                                        currency, procedural)
                        VALUES (:id, :level, :from, 20, 1000, 'CNY', FALSE)
                        """)
                .param("id", id(customer))
                .param("level", level)
                .param("from", from)
                .update();
    }

    public void contact(String customer, String name, String role, boolean generalManager, @Nullable String email) {
        jdbc.sql("""
                        INSERT INTO customer_contact (customer_id, name, chain_role, general_manager, email)
                        VALUES (:id, :name, :role, :gm, :email)
                        """)
                .param("id", id(customer))
                .param("name", name)
                .param("role", role)
                .param("gm", generalManager)
                .param("email", email)
                .update();
    }

    public void dispute(String customer, String invoiceNo, String amount, LocalDate raisedOn) {
        jdbc.sql("""
                        INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, created_by)
                        SELECT customer_id, id, 'QUALITY', :amount, :raised, 'test' FROM invoice WHERE invoice_no = :no
                        """)
                .param("amount", new BigDecimal(amount))
                .param("raised", raisedOn)
                .param("no", invoiceNo)
                .update();
    }

    public void brokenPromise(String customer, LocalDate promisedOn, String amount, String paid) {
        jdbc.sql("""
                        INSERT INTO payment_promise (customer_id, promised_on, amount, currency, written, made_on, status,
                                                     paid_amount, created_by)
                        VALUES (:id, :on, :amount, 'CNY', TRUE, :made, 'BROKEN', :paid, 'test')
                        """)
                .param("id", id(customer))
                .param("on", promisedOn)
                .param("made", promisedOn.minusDays(10))
                .param("amount", new BigDecimal(amount))
                .param("paid", new BigDecimal(paid))
                .update();
    }

    /** A LEGAL user with a display name handling an open case of the customer. */
    public void legalCase(String customer, String lawyerName, LocalDate openedOn) {
        String username = unique("lawyer").toLowerCase();
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name) VALUES (:u, 'x', :name)")
                .param("u", username)
                .param("name", lawyerName)
                .update();
        jdbc.sql("""
                        INSERT INTO legal_case (customer_id, status, opened_on, lawyer, amount_claimed)
                        VALUES (:id, 'OPEN', :on, :lawyer, 0)
                        """)
                .param("id", id(customer))
                .param("on", openedOn)
                .param("lawyer", username)
                .update();
    }
}
