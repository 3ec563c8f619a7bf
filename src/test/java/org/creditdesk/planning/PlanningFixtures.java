package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Areas, product lines and customers written straight into the shared test database (every key with a
 * random suffix), invoices and payments through the ledger's facade.
 */
final class PlanningFixtures {

    private final JdbcClient jdbc;
    private final Ledger ledger;

    PlanningFixtures(JdbcClient jdbc, Ledger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    String area() {
        String code = unique("PA");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code)")
                .param("code", code)
                .update();
        return code;
    }

    String productLine() {
        String code = unique("PL");
        jdbc.sql("INSERT INTO product_line (code, name) VALUES (:code, :code)")
                .param("code", code)
                .update();
        return code;
    }

    String customer(String area) {
        String code = unique("PC");
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, :name, :area, 'VOLUME', 30, 'CNY')
                        """)
                .param("code", code)
                .param("name", "Customer " + code)
                .param("area", area)
                .update();
        return code;
    }

    String invoice(String customer, String productLine, LocalDate issued, String amount) {
        String invoiceNo = unique("PINV");
        ledger.issueInvoice(
                new IssueInvoice(
                        invoiceNo,
                        customer,
                        null,
                        issued,
                        issued.plusDays(30),
                        new BigDecimal(amount),
                        "CNY",
                        productLine),
                Caller.SYSTEM);
        return invoiceNo;
    }

    void pay(String customer, LocalDate receivedOn, String amount, String invoiceNo) {
        ledger.receivePayment(
                new ReceivePayment(
                        unique("PPAY"),
                        customer,
                        receivedOn,
                        new BigDecimal(amount),
                        "CNY",
                        "BANK_TRANSFER",
                        null,
                        List.of(new ReceivePayment.RequestedAllocation(invoiceNo, new BigDecimal(amount)))),
                Caller.SYSTEM);
    }

    /**
     * The ledger of CountBackTests.HAND_EXAMPLE for one customer: 500,000 invoiced on 10 April (250,000 of it
     * paid on 20 May), 350,000 on 15 May and 400,000 on 5 June; on 30 June 1,000,000 is open, 76.0 days.
     */
    void handExample(String customer, String line, int year) {
        String april = invoice(customer, line, LocalDate.of(year, 4, 10), "500000.00");
        pay(customer, LocalDate.of(year, 5, 20), "250000.00", april);
        invoice(customer, line, LocalDate.of(year, 5, 15), "350000.00");
        invoice(customer, line, LocalDate.of(year, 6, 5), "400000.00");
    }

    /** A plan body: one product line, its areas (amount each) and optionally one customer. */
    static String plan(
            String line, String lineAmount, int lineDays, String margin, List<String[]> areas, String customers) {
        StringBuilder areaJson = new StringBuilder();
        for (String[] a : areas) {
            if (!areaJson.isEmpty()) areaJson.append(',');
            areaJson.append("""
                    {"productLine":"%s","area":"%s","amount":%s,"targetDays":%s}""".formatted(line, a[0], a[1], a[2]));
        }
        return """
                {"capital": 10000000, "costOfCapitalRate": 0.06, "industryDays": 75,
                 "productLines": [{"productLine":"%s","businessGroup":"VOLUME","amount":%s,"targetDays":%d,"grossMargin":%s}],
                 "areas": [%s], "customers": [%s]}
                """.formatted(line, lineAmount, lineDays, margin, areaJson, customers);
    }
}
