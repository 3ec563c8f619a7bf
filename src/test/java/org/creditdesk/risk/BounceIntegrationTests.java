package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.TestUsers;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bounced cheques over HTTP: bounce, stop, reinstatement with a cut limit, and the second bounce. */
@SpringBootTest
@AutoConfigureMockMvc
class BounceIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    Bounces bounces;

    @Autowired
    BusinessCalendar calendar;

    MvcTestResult post(RequestPostProcessor who, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult check(CustomerRef customer) {
        return post(TestUsers.admin(), "/api/v1/credit-checks", """
                {"customerCode": "%s", "amount": 10.00}
                """.formatted(customer.code()));
    }

    static List<String> plain(List<LedgerBalance> balances) {
        return balances.stream()
                .map(b -> "%s %s %s %s"
                        .formatted(
                                b.currency(),
                                b.openReceivables().stripTrailingZeros().toPlainString(),
                                b.releasedOrders().stripTrailingZeros().toPlainString(),
                                b.unappliedCredit().stripTrailingZeros().toPlainString()))
                .sorted()
                .toList();
    }

    long erpEvents(CustomerRef customer, String type) {
        return jdbc.sql("SELECT count(*) FROM erp_event WHERE customer_code = :code AND type = :type")
                .param("code", customer.code())
                .param("type", type)
                .query(Long.class)
                .single();
    }

    @Test
    void
            a_bounce_stops_the_customer_a_credit_manager_reinstates_with_half_the_limit_and_a_second_bounce_stops_for_good() {
        LocalDate today = calendar.today();
        CustomerRef customer = RiskFixtures.plainCustomer(customers, "RB");
        RiskFixtures.limit(limits, customer, "10000.00", today);
        String invoiceNo = RiskFixtures.unique("INV");
        RiskFixtures.invoice(ledger, customer, invoiceNo, today.minusDays(10), "1000.00");
        String chequeNo = RiskFixtures.unique("PAY");
        RiskFixtures.payment(ledger, customer, chequeNo, today.minusDays(5), "1200.00", "CHEQUE");
        assertThat(check(customer)).bodyJson().extractingPath("$.decision").isEqualTo("APPROVED");

        // The bounce reverses the cheque, reopens the invoice and stops the customer at once.
        MvcTestResult bounced =
                post(TestUsers.admin(), "/api/v1/payments/" + chequeNo + "/bounce", """
                {"bouncedOn": "%s", "reason": "insufficient funds"}
                """.formatted(today));
        assertThat(bounced).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("BOUNCED");
        assertThat(bounced).bodyJson().extractingPath("$.reopened[0].invoiceNo").isEqualTo(invoiceNo);
        assertThat(bounced).bodyJson().extractingPath("$.reopened[0].amount").isEqualTo(1000.0);
        assertThat(ledger.openItems(customer.code(), today, RiskFixtures.ADMIN))
                .singleElement()
                .satisfies(i -> assertThat(i.openAmount()).isEqualByComparingTo("1000.00"));
        assertThat(ledger.openItems(customer.code(), today.minusDays(1), RiskFixtures.ADMIN))
                .as("history before the bounce stays as it was")
                .isEmpty();
        assertThat(plain(accounts.runningTotals(List.of(customer.id()))))
                .as("running totals follow the bounce")
                .isEqualTo(plain(ledger.balances(List.of(customer.id()))));
        MvcTestResult stopped = check(customer);
        assertThat(stopped).bodyJson().extractingPath("$.decision").isEqualTo("BLOCKED");
        assertThat(stopped)
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .contains("CREDIT_STOPPED", "BOUNCED_CHEQUE");
        assertThat(erpEvents(customer, "CREDIT_STOPPED")).isEqualTo(1);
        assertThat(bounces.countWithin(customer.id(), today.minusMonths(24), today))
                .isEqualTo(1);
        assertThat(bounces.countsWithin(today.minusMonths(24), today)).containsEntry(customer.id(), 1);
        assertThat(mvc.get().uri("/api/v1/risk/alerts?after=0&limit=1000").with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$[?(@.customerCode == '%s')].type".formatted(customer.code()))
                .asArray()
                .containsExactly("CHEQUE_BOUNCED");

        // Bouncing twice is a conflict; nothing but a cheque can bounce.
        assertThat(post(TestUsers.admin(), "/api/v1/payments/" + chequeNo + "/bounce", """
                        {"bouncedOn": "%s", "reason": "again"}
                        """.formatted(today)))
                .hasStatus(HttpStatus.CONFLICT);
        String transfer = RiskFixtures.unique("PAY");
        RiskFixtures.payment(ledger, customer, transfer, today, "10.00", "BANK_TRANSFER");
        assertThat(post(TestUsers.admin(), "/api/v1/payments/" + transfer + "/bounce", """
                        {"bouncedOn": "%s", "reason": "no"}
                        """.formatted(today)))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post(TestUsers.admin(), "/api/v1/payments/" + chequeNo + "/bounce", "{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("bouncedOn", "reason");

        // Only a credit manager reinstates, with a note; the limit is cut to half as a new version.
        String reinstate = "/api/v1/customers/" + customer.code() + "/reinstate";
        assertThat(post(TestUsers.admin(), reinstate, "{\"note\": \"paid cash\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(TestUsers.user(jdbc, Role.SALES_MANAGER), reinstate, "{\"note\": \"paid cash\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        RequestPostProcessor creditManager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(post(creditManager, reinstate, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult reinstated = post(creditManager, reinstate, "{\"note\": \"replacement transfer received\"}");
        assertThat(reinstated)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.creditLimit")
                .isEqualTo(5000.0);
        assertThat(reinstated).bodyJson().extractingPath("$.previousLimit").isEqualTo(10000.0);
        assertThat(limits.usableLimit(customer.id(), null, today)
                        .orElseThrow()
                        .limit()
                        .amount())
                .isEqualByComparingTo(new BigDecimal("5000.00"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject_id = :code AND action = 'LIMIT_REDUCED'")
                        .param("code", customer.code())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(check(customer))
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .doesNotContain("CREDIT_STOPPED", "BOUNCED_CHEQUE");
        assertThat(post(creditManager, reinstate, "{\"note\": \"again\"}"))
                .as("nothing left to reinstate")
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);

        // A second bounce within 24 months: stopped for good, a legal case claims everything open.
        String second = RiskFixtures.unique("PAY");
        RiskFixtures.payment(ledger, customer, second, today, "300.00", "CHEQUE");
        assertThat(post(TestUsers.admin(), "/api/v1/payments/" + second + "/bounce", """
                        {"bouncedOn": "%s", "reason": "account closed"}
                        """.formatted(today)))
                .hasStatusOk();
        MvcTestResult forGood = check(customer);
        assertThat(forGood)
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .contains("CREDIT_STOPPED", "BOUNCED_CHEQUE", "LEGAL");
        assertThat(jdbc.sql("""
                        SELECT amount_claimed FROM legal_case WHERE customer_id = :id AND status = 'OPEN'
                        """)
                        .param("id", customer.id())
                        .query(BigDecimal.class)
                        .single())
                .as("the invoice less the 10.00 transfer; the second cheque's 300.00 is open again")
                .isEqualByComparingTo("990.00");
        assertThat(jdbc.sql("SELECT invoice_no FROM recovery_item WHERE customer_id = :id")
                        .param("id", customer.id())
                        .query(String.class)
                        .list())
                .containsExactly(invoiceNo);
        assertThat(erpEvents(customer, "CREDIT_STOPPED")).isEqualTo(2);

        // A third bounce joins the open case: the items it marked stay as they stood, nothing fails.
        String third = RiskFixtures.unique("PAY");
        RiskFixtures.payment(ledger, customer, third, today, "200.00", "CHEQUE");
        assertThat(post(TestUsers.admin(), "/api/v1/payments/" + third + "/bounce", """
                        {"bouncedOn": "%s", "reason": "account closed"}
                        """.formatted(today)))
                .hasStatusOk();
        assertThat(jdbc.sql("SELECT count(*) FROM legal_case WHERE customer_id = :id AND status = 'OPEN'")
                        .param("id", customer.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT invoice_no || ' ' || open_amount FROM recovery_item WHERE customer_id = :id")
                        .param("id", customer.id())
                        .query(String.class)
                        .list())
                .containsExactly(invoiceNo + " 990.00");
        assertThat(post(creditManager, reinstate, "{\"note\": \"please\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("stopped for good");
    }
}
