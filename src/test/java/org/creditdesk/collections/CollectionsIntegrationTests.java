package org.creditdesk.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.creditdesk.TestMail;
import org.creditdesk.TestUsers;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.monitoring.DailyRun;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Collections over HTTP on the embedded PostgreSQL, one test per rule of issue 9. */
@SpringBootTest
@AutoConfigureMockMvc
class CollectionsIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    Ledger ledger;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    org.creditdesk.monitoring.Aging aging;

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

    MvcTestResult get(RequestPostProcessor who, String uri) {
        return mvc.get().uri(uri).with(who).exchange();
    }

    static String area() {
        return "CT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) spec = spec.param(i + 1, params[i]);
        return spec.query(Long.class).single();
    }

    long contact(CustomerRef customer, String role, String name) throws Exception {
        MvcTestResult added = post(
                TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/contacts", """
                {"name": "%s", "phone": "+86 21 5555 0101", "chainRole": "%s"}
                """.formatted(name, role));
        assertThat(added).hasStatus(201);
        return ((Number) com.jayway.jsonpath.JsonPath.read(added.getResponse().getContentAsString(), "$.id"))
                .longValue();
    }

    @Test
    void a_promise_is_evaluated_from_payments_never_by_hand_and_rerunning_a_day_changes_nothing() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        CollectionsFixtures.invoice(ledger, customer, today.minusDays(40), today.minusDays(10), "1000.00");
        MvcTestResult made =
                post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/promises", """
                {"promisedOn": "%s", "amount": 600.00, "written": true, "note": "finance signed", "asOf": "%s"}
                """.formatted(
                                today.minusDays(2), today.minusDays(5)));
        assertThat(made).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("OPEN");
        String id = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(made.getResponse().getContentAsString(), "$.id"));
        // There is no way to set a status by hand: the API has no such field or endpoint.
        assertThat(post(TestUsers.admin(), "/api/v1/promises/" + id, "{\"status\": \"KEPT\"}")
                        .getResponse()
                        .getStatus())
                .isIn(404, 405);

        CollectionsFixtures.payment(ledger, customer, today.minusDays(4), "300.00");
        dailyRun.run(today.minusDays(3), CollectionsFixtures.ADMIN);
        assertThat(get(TestUsers.admin(), "/api/v1/promises/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("OPEN");

        dailyRun.run(today.minusDays(1), CollectionsFixtures.ADMIN);
        MvcTestResult evaluated = get(TestUsers.admin(), "/api/v1/promises/" + id);
        assertThat(evaluated).bodyJson().extractingPath("$.status").isEqualTo("PARTLY_KEPT");
        assertThat(evaluated).bodyJson().extractingPath("$.paidAmount").isEqualTo(300.0);
        long audits = count("SELECT count(*) FROM audit_log WHERE subject_type = 'PROMISE' AND subject_id = ?", id);
        long mails = count("SELECT count(*) FROM collections_mail WHERE dedup_key = ?", "promise-broken-" + id);

        dailyRun.run(today.minusDays(1), CollectionsFixtures.ADMIN);
        assertThat(get(TestUsers.admin(), "/api/v1/promises/" + id)
                        .getResponse()
                        .getContentAsString())
                .isEqualTo(evaluated.getResponse().getContentAsString());
        assertThat(count("SELECT count(*) FROM audit_log WHERE subject_type = 'PROMISE' AND subject_id = ?", id))
                .isEqualTo(audits);
        assertThat(count("SELECT count(*) FROM collections_mail WHERE dedup_key = ?", "promise-broken-" + id))
                .isEqualTo(mails);
    }

    @Test
    void a_promise_covered_by_payments_before_its_date_is_kept() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        CollectionsFixtures.invoice(ledger, customer, today.minusDays(40), today.minusDays(10), "1000.00");
        MvcTestResult made =
                post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/promises", """
                {"promisedOn": "%s", "amount": 500.00, "written": false, "asOf": "%s"}
                """.formatted(
                                today.plusDays(5), today.minusDays(3)));
        String id = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(made.getResponse().getContentAsString(), "$.id"));
        CollectionsFixtures.payment(ledger, customer, today.minusDays(2), "500.00");
        dailyRun.run(today.minusDays(1), CollectionsFixtures.ADMIN);
        assertThat(get(TestUsers.admin(), "/api/v1/promises/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("KEPT");
    }

    @Test
    void broken_promise_puts_customer_first_and_a_stalled_approval_names_the_contact_to_call() throws Exception {
        LocalDate today = calendar.today();
        String area = area();
        CustomerRef escalated = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, escalated, today.minusDays(90), today.minusDays(50), "90000.00");
        CustomerRef stalled = CollectionsFixtures.customer(customers, area);
        String big = CollectionsFixtures.invoice(ledger, stalled, today.minusDays(20), today.plusDays(10), "50000.00");
        contact(stalled, "FINANCE", "Finance Head Qian");
        post(TestUsers.admin(), "/api/v1/invoices/" + big + "/approval", """
                {"chainRole": "AUDITOR", "status": "CLEARED", "on": "%s"}
                """.formatted(today.minusDays(12)));
        assertThat(post(TestUsers.admin(), "/api/v1/invoices/" + big + "/approval", """
                {"chainRole": "FINANCE", "status": "WAITING", "on": "%s", "note": "waiting for funds"}
                """.formatted(today.minusDays(8))))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stalledAt")
                .isEqualTo("FINANCE");
        CustomerRef broken = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, broken, today.minusDays(40), today.minusDays(2), "100.00");
        post(TestUsers.admin(), "/api/v1/customers/" + broken.code() + "/promises", """
                {"promisedOn": "%s", "amount": 100.00, "written": false, "asOf": "%s"}
                """.formatted(
                        today.minusDays(2), today.minusDays(4)));
        dailyRun.run(today.minusDays(1), CollectionsFixtures.ADMIN);

        RequestPostProcessor collector = TestUsers.user(jdbc, Role.COLLECTOR, area);
        MvcTestResult list = get(collector, "/api/v1/collections/worklist?asOf=" + today);
        assertThat(list).hasStatusOk();
        assertThat(list)
                .bodyJson()
                .extractingPath("$[*].customerCode")
                .isEqualTo(List.of(broken.code(), stalled.code(), escalated.code()));
        assertThat(list).bodyJson().extractingPath("$[0].reasons").isEqualTo(List.of("BROKEN_PROMISE", "NEW_OVERDUE"));
        assertThat(list).bodyJson().extractingPath("$[0].priority").isEqualTo(1);
        assertThat(list).bodyJson().extractingPath("$[1].reasons").isEqualTo(List.of("STALLED_APPROVAL"));
        assertThat(list).bodyJson().extractingPath("$[1].callContact").isEqualTo("Finance Head Qian");
        assertThat(list).bodyJson().extractingPath("$[2].reasons").isEqualTo(List.of("ESCALATED"));

        // Filters keep each row's place; paging happens in SQL.
        MvcTestResult filtered = get(collector, "/api/v1/collections/worklist?reason=ESCALATED&asOf=" + today);
        assertThat(filtered).bodyJson().extractingPath("$[*].customerCode").isEqualTo(List.of(escalated.code()));
        assertThat(filtered).bodyJson().extractingPath("$[0].priority").isEqualTo(3);
        assertThat(get(collector, "/api/v1/collections/worklist?size=1&page=1&asOf=" + today))
                .bodyJson()
                .extractingPath("$[*].customerCode")
                .isEqualTo(List.of(stalled.code()));

        // A call after the broken promise takes the customer off the top.
        post(collector, "/api/v1/customers/" + broken.code() + "/activities", """
                {"type": "CALL", "on": "%s", "note": "promised again for next week", "nextActionOn": "%s"}
                """.formatted(today, today.plusDays(7)));
        assertThat(get(collector, "/api/v1/collections/worklist?asOf=" + today))
                .bodyJson()
                .extractingPath("$[0].customerCode")
                .isEqualTo(stalled.code());
    }

    @Test
    void a_credit_note_resolution_lowers_exposure_and_open_amount_in_the_same_transaction() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(20), today.plusDays(10), "1000.00");
        MvcTestResult raised =
                post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", """
                {"reason": "PRICE", "amount": 400.00, "raisedOn": "%s", "note": "agreed price was lower"}
                """.formatted(today));
        assertThat(raised).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("OPEN");
        String id = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(raised.getResponse().getContentAsString(), "$.id"));
        BigDecimal exposureBefore = ledger.exposure(customer, today).amount();

        MvcTestResult resolved = post(TestUsers.admin(), "/api/v1/disputes/" + id + "/resolve", """
                {"outcome": "CREDIT_NOTE", "creditNoteAmount": 300.00, "on": "%s"}
                """.formatted(today));
        assertThat(resolved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(ledger.openItems(customer.code(), today, CollectionsFixtures.ADMIN))
                .singleElement()
                .satisfies(i -> assertThat(i.openAmount()).isEqualByComparingTo("700.00"));
        assertThat(ledger.exposure(customer, today).amount())
                .isEqualByComparingTo(exposureBefore.subtract(new BigDecimal("300")));
        assertThat(plain(accounts.runningTotals(List.of(customer.id()))))
                .as("credit's running totals follow the credit note exactly")
                .isEqualTo(plain(ledger.balances(List.of(customer.id()))));

        // Resolving twice is refused and issues no second credit note.
        MvcTestResult again = post(TestUsers.admin(), "/api/v1/disputes/" + id + "/resolve", """
                {"outcome": "CREDIT_NOTE", "on": "%s"}
                """.formatted(today));
        assertThat(again)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("status");
        assertThat(count("SELECT count(*) FROM credit_note WHERE customer_id = ?", customer.id()))
                .isEqualTo(1);
    }

    @Test
    void disputed_amounts_are_shown_apart_in_open_items_and_aging_until_resolved() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(50), today.minusDays(20), "1000.00");
        MvcTestResult raised = post(
                TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", """
                {"reason": "QUANTITY", "amount": 250.00, "raisedOn": "%s"}
                """.formatted(today.minusDays(3)));
        String id = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(raised.getResponse().getContentAsString(), "$.id"));
        String items = "/api/v1/customers/" + customer.code() + "/open-items?asOf=";
        assertThat(get(TestUsers.admin(), items + today))
                .bodyJson()
                .extractingPath("$[0].disputedAmount")
                .isEqualTo(250.0);
        assertThat(get(TestUsers.admin(), items + today.minusDays(4)))
                .bodyJson()
                .extractingPath("$[0].disputedAmount")
                .isEqualTo(0.0);
        var report = aging.report(today, org.creditdesk.monitoring.AgingGrouping.CUSTOMER, CollectionsFixtures.ADMIN);
        assertThat(report.rows())
                .filteredOn(r -> customer.code().equals(r.key()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.disputed()).isEqualByComparingTo("250.00");
                    assertThat(r.total()).isEqualByComparingTo("1000.00");
                });
        post(TestUsers.admin(), "/api/v1/disputes/" + id + "/resolve", """
                {"outcome": "REJECTED", "on": "%s"}""".formatted(today));
        assertThat(get(TestUsers.admin(), items + today))
                .bodyJson()
                .extractingPath("$[0].disputedAmount")
                .isEqualTo(0.0);
        assertThat(get(TestUsers.admin(), items + today.minusDays(1)))
                .as("history as of an earlier date keeps the dispute")
                .bodyJson()
                .extractingPath("$[0].disputedAmount")
                .isEqualTo(250.0);
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

    @Test
    void a_quality_dispute_opens_a_service_case_for_the_service_user_with_fewest_open_cases_and_emails_them()
            throws Exception {
        jdbc.sql(
                        "UPDATE app_user SET enabled = FALSE WHERE id IN (SELECT user_id FROM user_role WHERE role = 'SERVICE')")
                .update();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String first = "svc-a-" + suffix;
        String second = "svc-b-" + suffix;
        for (String name : List.of(first, second)) {
            long userId = jdbc.sql("""
                            INSERT INTO app_user (username, password_hash, display_name, email)
                            VALUES (:u, 'x', :u, :u || '@service.test') RETURNING id
                            """).param("u", name).query(Long.class).single();
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, 'SERVICE')")
                    .param("id", userId)
                    .update();
        }
        LocalDate monday = calendar.today().with(DayOfWeek.MONDAY);
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, monday.minusDays(20), monday.plusDays(10), "3000.00");
        String body = """
                {"reason": "QUALITY", "amount": 500.00, "raisedOn": "%s", "note": "cracked housings"}
                """.formatted(monday.plusDays(3));
        MvcTestResult one = post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", body);
        assertThat(one).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("IN_SERVICE");
        assertThat(one).bodyJson().extractingPath("$.serviceCase.assignedTo").isEqualTo(first);
        assertThat(one)
                .bodyJson()
                .extractingPath("$.serviceCase.dueOn")
                .isEqualTo(monday.plusDays(8).toString());
        MvcTestResult two = post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", body);
        assertThat(two).bodyJson().extractingPath("$.serviceCase.assignedTo").isEqualTo(second);

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        List<String> recipients = Arrays.stream(greenMail.getReceivedMessages())
                .map(CollectionsIntegrationTests::recipient)
                .toList();
        assertThat(recipients).contains(first + "@service.test", second + "@service.test");

        // The queue shows each service user their cases.
        assertThat(get(TestUsers.admin(), "/api/v1/disputes?status=IN_SERVICE&assignedTo=" + second))
                .bodyJson()
                .extractingPath("$[*].invoiceNo")
                .isEqualTo(List.of(invoiceNo));
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username IN (:a, :b)")
                .param("a", first)
                .param("b", second)
                .update();
    }

    @Test
    void a_blocker_objection_raises_its_dispute_directly_and_a_refused_dispute_stores_no_step() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(20), today.plusDays(10), "2000.00");
        long blocker = contact(customer, "BLOCKER", "Quality Supervisor Wu");
        String uri = "/api/v1/invoices/" + invoiceNo + "/approval";

        MvcTestResult tooMuch = post(TestUsers.admin(), uri, """
                {"chainRole": "BLOCKER", "status": "OBJECTED", "contactId": %d, "note": "scratched panels",
                 "dispute": {"reason": "QUALITY", "amount": 2000.01}}""".formatted(blocker));
        assertThat(tooMuch)
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("dispute.amount");
        MvcTestResult notBlocker = post(TestUsers.admin(), uri, """
                {"chainRole": "FINANCE", "status": "WAITING", "dispute": {"reason": "PRICE", "amount": 10.00}}""");
        assertThat(notBlocker)
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("dispute");
        assertThat(count("SELECT count(*) FROM invoice_approval_step WHERE customer_id = ?", customer.id()))
                .as("nothing half-stored")
                .isZero();
        assertThat(count("SELECT count(*) FROM invoice_dispute WHERE customer_id = ?", customer.id()))
                .isZero();

        MvcTestResult objected = post(TestUsers.admin(), uri, """
                {"chainRole": "BLOCKER", "status": "OBJECTED", "on": "%s", "contactId": %d,
                 "note": "scratched panels", "dispute": {"reason": "QUALITY", "amount": 800.00}}""".formatted(today, blocker));

        assertThat(objected).hasStatus(200);
        assertThat(objected).bodyJson().extractingPath("$.steps[0].chainRole").isEqualTo("BLOCKER");
        assertThat(objected).bodyJson().extractingPath("$.steps[0].status").isEqualTo("OBJECTED");
        assertThat(objected).bodyJson().extractingPath("$.raisedDispute.reason").isEqualTo("QUALITY");
        assertThat(objected).bodyJson().extractingPath("$.raisedDispute.amount").isEqualTo(800.00);
        assertThat(objected).bodyJson().extractingPath("$.raisedDispute.status").isEqualTo("IN_SERVICE");
        assertThat(objected).bodyJson().extractingPath("$.raisedDispute.note").isEqualTo("scratched panels");
        assertThat(count("SELECT count(*) FROM service_case WHERE customer_id = ?", customer.id()))
                .as("a QUALITY objection opens the service case as any quality dispute does")
                .isEqualTo(1);
        assertThat(get(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/open-items"))
                .bodyJson()
                .extractingPath("$[0].disputedAmount")
                .isEqualTo(800.00);
        assertThat(get(TestUsers.admin(), uri))
                .bodyJson()
                .extractingPath("$.raisedDispute")
                .isNull();
    }

    @Test
    void the_customer_page_records_a_blocker_objection_that_raises_its_dispute() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(20), today.plusDays(10), "900.00");
        String page = "/collections/customers/" + customer.code();
        assertThat(get(TestUsers.admin(), page))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"disputeReason\"")
                .contains("name=\"disputeAmount\"");

        MvcTestResult posted = mvc.post()
                .uri(page + "/approval")
                .with(TestUsers.admin())
                .with(csrf())
                .param("invoiceNo", invoiceNo)
                .param("chainRole", "BLOCKER")
                .param("status", "OBJECTED")
                .param("on", today.toString())
                .param("note", "price above the framework contract")
                .param("disputeReason", "PRICE")
                .param("disputeAmount", "150.00")
                .exchange();

        assertThat(posted).hasStatus3xxRedirection();
        assertThat(count(
                        "SELECT count(*) FROM invoice_dispute WHERE customer_id = ? AND reason = 'PRICE' AND amount = 150.00",
                        customer.id()))
                .isEqualTo(1);
        assertThat(get(TestUsers.admin(), page)).bodyText().contains("price above the framework contract");
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void area_scoping_applies_to_contacts_chains_activities_promises_disputes_and_the_worklist() throws Exception {
        LocalDate today = calendar.today();
        String theirs = area();
        CustomerRef customer = CollectionsFixtures.customer(customers, theirs);
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(50), today.minusDays(20), "800.00");
        long contactId = contact(customer, "AUDITOR", "Inspector Sun");
        MvcTestResult promise =
                post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/promises", """
                {"promisedOn": "%s", "amount": 100.00, "written": true}
                """.formatted(
                                today.plusDays(3)));
        String promiseId = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(promise.getResponse().getContentAsString(), "$.id"));
        MvcTestResult dispute = post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", """
                {"reason": "DELIVERY", "amount": 100.00}
                """);
        String disputeId = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(dispute.getResponse().getContentAsString(), "$.id"));

        RequestPostProcessor outsider = TestUsers.user(jdbc, Role.COLLECTOR, area());
        RequestPostProcessor rep = TestUsers.user(jdbc, Role.SALES_REP, area());
        for (RequestPostProcessor who : List.of(outsider, rep)) {
            assertThat(get(who, "/api/v1/customers/" + customer.code() + "/contacts"))
                    .hasStatus(404);
            assertThat(post(who, "/api/v1/customers/" + customer.code() + "/contacts", """
                    {"name": "X", "chainRole": "USER"}"""))
                    .hasStatus(404);
            assertThat(mvc.put()
                            .uri("/api/v1/contacts/" + contactId)
                            .with(who)
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"X\", \"chainRole\": \"USER\"}")
                            .exchange())
                    .hasStatus(404);
            assertThat(get(who, "/api/v1/invoices/" + invoiceNo + "/approval")).hasStatus(404);
            assertThat(post(who, "/api/v1/invoices/" + invoiceNo + "/approval", """
                    {"chainRole": "AUDITOR", "status": "WAITING"}"""))
                    .hasStatus(404);
            assertThat(get(who, "/api/v1/customers/" + customer.code() + "/activities"))
                    .hasStatus(404);
            assertThat(get(who, "/api/v1/promises/" + promiseId)).hasStatus(404);
            assertThat(get(who, "/api/v1/disputes/" + disputeId)).hasStatus(404);
            assertThat(post(who, "/api/v1/disputes/" + disputeId + "/resolve", "{\"outcome\": \"REJECTED\"}"))
                    .hasStatus(404);
            assertThat(get(who, "/api/v1/promises").getResponse().getContentAsString())
                    .doesNotContain(customer.code());
            assertThat(get(who, "/api/v1/disputes").getResponse().getContentAsString())
                    .doesNotContain(customer.code());
            assertThat(get(who, "/api/v1/collections/worklist?size=200")
                            .getResponse()
                            .getContentAsString())
                    .doesNotContain(customer.code());
        }
        RequestPostProcessor insider = TestUsers.user(jdbc, Role.COLLECTOR, theirs);
        assertThat(get(insider, "/api/v1/collections/worklist").getResponse().getContentAsString())
                .contains(customer.code());
        assertThat(get(insider, "/api/v1/customers/" + customer.code() + "/contacts"))
                .hasStatusOk();
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_nothing_is_half_stored() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String open = CollectionsFixtures.invoice(ledger, customer, today.minusDays(20), today.plusDays(10), "1000.00");
        String paid = CollectionsFixtures.invoice(ledger, customer, today.minusDays(60), today.minusDays(30), "200.00");
        CollectionsFixtures.payment(ledger, customer, today.minusDays(29), "200.00");
        String base = "/api/v1/customers/" + customer.code();

        assertThat(post(TestUsers.admin(), base + "/contacts", """
                {"name": "Boss", "chainRole": "CHAIRMAN"}"""))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("chainRole");
        assertThat(post(TestUsers.admin(), "/api/v1/invoices/" + paid + "/approval", """
                {"chainRole": "FINANCE", "status": "WAITING"}"""))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("invoiceNo");
        assertThat(post(TestUsers.admin(), base + "/promises", """
                {"promisedOn": "%s", "amount": 10.00, "written": true}""".formatted(today.minusDays(1))))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("promisedOn");
        assertThat(post(TestUsers.admin(), base + "/promises", """
                {"promisedOn": "%s", "amount": 1000.01, "written": true}""".formatted(today.plusDays(1))))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("amount");
        assertThat(post(TestUsers.admin(), "/api/v1/invoices/" + open + "/disputes", """
                {"reason": "QUALITY", "amount": 1000.01}"""))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("amount");
        assertThat(post(TestUsers.admin(), "/api/v1/invoices/" + open + "/disputes", """
                {"reason": "TOO_EXPENSIVE", "amount": 10.00}"""))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(post(TestUsers.admin(), "/api/v1/invoices/" + open + "/approval", """
                {"chainRole": "JANITOR", "status": "WAITING"}"""))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("chainRole");

        assertThat(count("SELECT count(*) FROM customer_contact WHERE customer_id = ?", customer.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM payment_promise WHERE customer_id = ?", customer.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM invoice_dispute WHERE customer_id = ?", customer.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM service_case WHERE customer_id = ?", customer.id()))
                .isZero();
        assertThat(count("SELECT count(*) FROM invoice_approval_step WHERE customer_id = ?", customer.id()))
                .isZero();
    }

    @Test
    void every_change_is_in_the_audit_trail() throws Exception {
        LocalDate today = calendar.today();
        CustomerRef customer = CollectionsFixtures.customer(customers, area());
        String invoiceNo =
                CollectionsFixtures.invoice(ledger, customer, today.minusDays(20), today.plusDays(10), "1000.00");
        long contactId = contact(customer, "USER", "Workshop Head Li");
        mvc.put()
                .uri("/api/v1/contacts/" + contactId)
                .with(TestUsers.admin())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Workshop Head Li\", \"chainRole\": \"USER\", \"generalManager\": true}")
                .exchange();
        mvc.put()
                .uri("/api/v1/customers/" + customer.code() + "/approval-chain")
                .with(TestUsers.admin())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"steps\": [\"USER\", \"FINANCE\"]}")
                .exchange();
        post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/approval", """
                {"chainRole": "USER", "status": "CLEARED", "contactId": %d}""".formatted(contactId));
        post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/activities", """
                {"type": "VISIT", "note": "met the workshop", "invoiceNos": ["%s"]}""".formatted(invoiceNo));
        post(TestUsers.admin(), "/api/v1/customers/" + customer.code() + "/promises", """
                {"promisedOn": "%s", "amount": 100.00, "written": true}""".formatted(today.plusDays(3)));
        MvcTestResult dispute = post(TestUsers.admin(), "/api/v1/invoices/" + invoiceNo + "/disputes", """
                {"reason": "DOCUMENTS", "amount": 50.00}""");
        String disputeId = String.valueOf(
                com.jayway.jsonpath.JsonPath.<Integer>read(dispute.getResponse().getContentAsString(), "$.id"));
        post(
                TestUsers.admin(),
                "/api/v1/disputes/" + disputeId + "/resolve",
                "{\"outcome\": \"REJECTED\", \"note\": \"documents were complete\"}");
        mvc.delete()
                .uri("/api/v1/contacts/" + contactId)
                .with(TestUsers.admin())
                .with(csrf())
                .exchange();

        List<String> actions = jdbc.sql("""
                        SELECT action FROM audit_log
                        WHERE (subject_type = 'CUSTOMER' AND subject_id = :code)
                           OR (subject_type = 'INVOICE' AND subject_id = :invoiceNo)
                           OR (subject_type = 'CONTACT' AND subject_id = :contactId)
                           OR (subject_type = 'DISPUTE' AND subject_id = :disputeId)
                           OR (subject_type = 'PROMISE' AND subject_id IN
                               (SELECT CAST(id AS text) FROM payment_promise WHERE customer_id = :customerId))
                        ORDER BY id
                        """)
                .param("code", customer.code())
                .param("invoiceNo", invoiceNo)
                .param("contactId", String.valueOf(contactId))
                .param("disputeId", disputeId)
                .param("customerId", customer.id())
                .query(String.class)
                .list();
        assertThat(actions)
                .contains(
                        "CONTACT_ADDED",
                        "CONTACT_CHANGED",
                        "APPROVAL_CHAIN_SET",
                        "APPROVAL_STEP_RECORDED",
                        "ACTIVITY_RECORDED",
                        "PROMISE_MADE",
                        "DISPUTE_RAISED",
                        "DISPUTE_RESOLVED",
                        "CONTACT_RETIRED");
    }
}
