package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.ledger.LedgerFixtures.admin;
import static org.creditdesk.ledger.LedgerFixtures.salesRepOf;
import static org.creditdesk.ledger.LedgerFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerFixtures;
import org.creditdesk.ledger.ReceivePayment;
import org.creditdesk.ledger.RecordOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerLedgerFragmentsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    String customer;
    String overdue;
    String current;

    @BeforeEach
    void customerWithOneOverdueAndOneCurrentInvoice() {
        customer = new LedgerFixtures(jdbc).customer("WEST", "CNY");
        overdue = unique("INV");
        current = unique("INV");
        issue(overdue, "2025-01-01", "2025-01-31");
        issue(current, "2025-02-01", "2025-03-31");
        ledger.receivePayment(
                new ReceivePayment(
                        unique("PAY"),
                        customer,
                        LocalDate.parse("2025-02-05"),
                        new BigDecimal("25.00"),
                        null,
                        "CHEQUE",
                        "778899",
                        null),
                Caller.SYSTEM);
        ledger.recordOrder(
                new RecordOrder(
                        unique("SO"),
                        customer,
                        LocalDate.parse("2025-02-06"),
                        new BigDecimal("70.00"),
                        null,
                        "VALVES",
                        "K-1"),
                Caller.SYSTEM);
    }

    @Test
    void open_items_fragment_lists_each_open_invoice_and_marks_the_overdue_ones() {
        String html = fragment(admin(), "/open-items?asOf=2025-02-15");
        assertThat(html).contains("class=\"open-items\"").doesNotContain("<html");
        assertThat(rowOf(html, overdue)).contains("class=\"overdue\"");
        assertThat(rowOf(html, current)).doesNotContain("overdue");
        assertThat(html).contains("75.00").contains(">15<");
    }

    @Test
    void open_items_fragment_as_of_a_date_before_any_invoice_says_there_are_none() {
        assertThat(fragment(admin(), "/open-items?asOf=2024-12-31")).contains("No open items as of 2024-12-31.");
    }

    @Test
    void payments_and_orders_fragments_list_the_customers_documents() {
        assertThat(fragment(admin(), "/payments"))
                .contains("class=\"payments\"")
                .contains("Cheque")
                .contains(overdue + " 25.00");
        assertThat(fragment(admin(), "/orders"))
                .contains("class=\"orders\"")
                .contains("VALVES")
                .contains("Released");
    }

    @Test
    void fragments_of_a_customer_outside_the_callers_areas_are_not_found() {
        for (String part : List.of("/open-items", "/payments", "/orders")) {
            MvcTestResult result = mvc.get()
                    .uri("/customers/" + customer + "/fragments" + part)
                    .with(salesRepOf("EAST"))
                    .header("HX-Request", "true")
                    .exchange();
            assertThat(result).hasStatus(404);
        }
        MvcTestResult visible = mvc.get()
                .uri("/customers/" + customer + "/fragments/open-items")
                .with(salesRepOf("WEST"))
                .exchange();
        assertThat(visible).hasStatusOk();
    }

    /** The opening tag of the table row of the invoice. */
    private static String rowOf(String html, String invoiceNo) {
        Matcher row = Pattern.compile("<tr[^>]*data-invoice=\"" + invoiceNo + "\"[^>]*>")
                .matcher(html);
        assertThat(row.find()).as("a row for " + invoiceNo + " in " + html).isTrue();
        return row.group();
    }

    private String fragment(RequestPostProcessor who, String part) {
        MvcTestResult result = mvc.get()
                .uri("/customers/" + customer + "/fragments" + part)
                .with(who)
                .header("HX-Request", "true")
                .exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void issue(String invoiceNo, String issued, String due) {
        ledger.issueInvoice(
                new IssueInvoice(
                        invoiceNo,
                        customer,
                        null,
                        LocalDate.parse(issued),
                        LocalDate.parse(due),
                        new BigDecimal("100.00"),
                        null,
                        "VALVES"),
                Caller.SYSTEM);
    }
}
