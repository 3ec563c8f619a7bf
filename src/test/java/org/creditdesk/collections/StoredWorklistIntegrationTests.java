package org.creditdesk.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.monitoring.DailyRun;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The stored worklist (V53) against the live rule: after the daily run stores the date's worklist, every
 * change made through the services shows on the very next page, and every page (scope, filter, paging)
 * equals the live computation's rows, order, reasons and totals.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoredWorklistIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Customers customers;

    @Autowired
    Ledger ledger;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    Worklist worklist;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    WorklistRepository repository;

    @Autowired
    SettingsRepository settings;

    static String area() {
        return "SW" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    void post(String uri, String body) {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(org.creditdesk.TestUsers.admin())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result.getResponse().getStatus()).as("POST %s %s", uri, body).isBetween(200, 299);
    }

    static Caller collector(String... areas) {
        return new Caller("stored-worklist-collector", Set.of(Role.COLLECTOR), Set.of(areas));
    }

    /** The daily run of today, then its worklist stored (on a listener thread once the run has committed). */
    void runTodayAndWaitForItsWorklist(LocalDate today) throws InterruptedException {
        dailyRun.run(today, CollectionsFixtures.ADMIN);
        CollectionsSettings s = settings.load();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!repository.storedFor(today, s)) {
            assertThat(System.nanoTime() - deadline)
                    .as("worklist of %s stored within 30 s", today)
                    .isNegative();
            Thread.sleep(20);
        }
    }

    /** The stored page (through the service) equals the live rule's page, row for row, and returns it. */
    WorklistPage storedEqualsLive(
            LocalDate asOf, Caller caller, String reason, String area, Integer level, int page, int size) {
        CollectionsSettings s = settings.load();
        WorklistPage stored = worklist.page(new WorklistQuery(asOf, null, reason, area, level, page, size), caller);
        assertThat(repository.storedFor(asOf, s)).as("stored worklist in use").isTrue();
        List<WorklistRepository.Row> live = repository.livePage(
                asOf,
                caller.areaFilter(),
                s,
                reason == null ? null : WorklistReason.valueOf(reason),
                area,
                level,
                page,
                size);
        assertThat(stored.rows())
                .as("reason %s, area %s, level %s, page %d of %d", reason, area, level, page, size)
                .isEqualTo(live.stream().map(WorklistRepository.Row::row).toList());
        assertThat(stored.total())
                .isEqualTo(live.isEmpty() ? 0 : live.getFirst().total());
        return stored;
    }

    List<String> codes(WorklistPage page) {
        return page.rows().stream().map(WorklistRow::customerCode).toList();
    }

    WorklistRow row(WorklistPage page, CustomerRef customer) {
        return page.rows().stream()
                .filter(r -> r.customerCode().equals(customer.code()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(customer.code() + " not on the worklist"));
    }

    @Test
    void a_payment_promise_activity_dispute_or_approval_step_shows_on_the_next_stored_page() throws Exception {
        LocalDate today = calendar.today();
        String area = area();
        Caller collector = collector(area);
        CustomerRef payer = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, payer, today.minusDays(60), today.minusDays(30), "8000.00");
        CustomerRef promiser = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, promiser, today.minusDays(40), today.minusDays(10), "500.00");
        CustomerRef quiet = CollectionsFixtures.customer(customers, area);
        String quietInvoice =
                CollectionsFixtures.invoice(ledger, quiet, today.minusDays(5), today.plusDays(25), "20000.00");
        runTodayAndWaitForItsWorklist(today);

        WorklistPage first = storedEqualsLive(today, collector, null, null, null, 0, 50);
        assertThat(codes(first)).containsExactly(payer.code(), promiser.code());

        // A payment recorded a second ago takes the customer off the list.
        CollectionsFixtures.payment(ledger, payer, today, "8000.00");
        assertThat(codes(storedEqualsLive(today, collector, null, null, null, 0, 50)))
                .containsExactly(promiser.code());

        // A promise due today puts its customer up with PROMISE_DUE.
        post("/api/v1/customers/" + promiser.code() + "/promises", """
                {"promisedOn": "%s", "amount": 200.00, "written": true, "asOf": "%s"}
                """.formatted(today, today.minusDays(1)));
        assertThat(row(storedEqualsLive(today, collector, null, null, null, 0, 50), promiser)
                        .reasons())
                .containsExactly(WorklistReason.PROMISE_DUE, WorklistReason.ESCALATED);

        // A call with a next action due today puts a customer without anything overdue on the list.
        post("/api/v1/customers/" + quiet.code() + "/activities", """
                {"type": "CALL", "on": "%s", "note": "call back today", "nextActionOn": "%s"}
                """.formatted(today.minusDays(2), today));
        assertThat(row(storedEqualsLive(today, collector, null, null, null, 0, 50), quiet)
                        .reasons())
                .containsExactly(WorklistReason.NEXT_ACTION_DUE);

        // A dispute adds its reason; a step waiting too long makes the approval stalled and moves the customer up.
        post("/api/v1/invoices/" + quietInvoice + "/disputes", """
                {"reason": "PRICE", "amount": 100.00, "raisedOn": "%s"}
                """.formatted(today.minusDays(1)));
        post("/api/v1/invoices/" + quietInvoice + "/approval", """
                {"chainRole": "FINANCE", "status": "WAITING", "on": "%s"}
                """.formatted(today.minusDays(9)));
        WorklistPage after = storedEqualsLive(today, collector, null, null, null, 0, 50);
        assertThat(codes(after)).containsExactly(promiser.code(), quiet.code());
        assertThat(row(after, quiet).reasons())
                .containsExactly(
                        WorklistReason.STALLED_APPROVAL, WorklistReason.NEXT_ACTION_DUE, WorklistReason.DISPUTE_OPEN);

        // A new invoice two days overdue brings the payer back as newly overdue.
        CollectionsFixtures.invoice(ledger, payer, today.minusDays(33), today.minusDays(2), "300.00");
        assertThat(row(storedEqualsLive(today, collector, null, null, null, 0, 50), payer)
                        .reasons())
                .containsExactly(WorklistReason.NEW_OVERDUE);
    }

    @Test
    void a_risk_class_change_reorders_the_stored_page_and_a_stop_keeps_it_equal_to_the_live_rule() throws Exception {
        LocalDate today = calendar.today();
        String area = area();
        Caller collector = collector(area);
        CustomerRef larger = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, larger, today.minusDays(50), today.minusDays(20), "1000.00");
        CustomerRef smaller = CollectionsFixtures.customer(customers, area);
        CollectionsFixtures.invoice(ledger, smaller, today.minusDays(50), today.minusDays(20), "700.00");
        runTodayAndWaitForItsWorklist(today);
        accounts.setRiskClass(larger, "A", "test", CollectionsFixtures.ADMIN);
        accounts.setRiskClass(smaller, "A", "test", CollectionsFixtures.ADMIN);
        assertThat(codes(storedEqualsLive(today, collector, null, null, null, 0, 50)))
                .containsExactly(larger.code(), smaller.code());

        // 700 weighted by class E (x4) outranks 1,000 weighted by class A (x1).
        accounts.setRiskClass(smaller, "E", "test", CollectionsFixtures.ADMIN);
        WorklistPage reordered = storedEqualsLive(today, collector, null, null, null, 0, 50);
        assertThat(codes(reordered)).containsExactly(smaller.code(), larger.code());
        assertThat(reordered.rows().getFirst().riskClass()).isEqualTo("E");

        accounts.stop(larger, "test stop", CollectionsFixtures.ADMIN);
        storedEqualsLive(today, collector, null, null, null, 0, 50);
    }

    @Test
    void the_stored_worklist_equals_the_live_rule_on_a_seeded_portfolio() throws Exception {
        long seed = System.nanoTime();
        System.out.println("StoredWorklistIntegrationTests seed " + seed);
        Random random = new Random(seed);
        LocalDate today = calendar.today();
        String north = area();
        String south = area();
        List<CustomerRef> portfolio = new ArrayList<>();
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            CustomerRef customer = CollectionsFixtures.customer(customers, i % 3 == 0 ? south : north);
            portfolio.add(customer);
            for (int k = random.nextInt(3); k >= 0; k--) {
                int due = random.nextInt(80) - 60;
                invoices.add(CollectionsFixtures.invoice(
                        ledger,
                        customer,
                        today.plusDays(due - 30),
                        today.plusDays(due),
                        (1 + random.nextInt(90)) * 100 + ".00"));
            }
        }
        for (int round = 0; round < 12; round++) change(random, today, portfolio, invoices, round);
        runTodayAndWaitForItsWorklist(today);

        Caller both = collector(north, south);
        compareEverything(random, today, both, north);
        for (int round = 12; round < 30; round++) {
            change(random, today, portfolio, invoices, round);
            compareEverything(random, today, both, north);
        }
        assertThat(storedEqualsLive(today, both, null, null, null, 0, 200).total())
                .isPositive();
    }

    private void compareEverything(Random random, LocalDate today, Caller both, String north) {
        int size = 1 + random.nextInt(7);
        for (int page = 0; page < 4; page++) storedEqualsLive(today, both, null, null, null, page, size);
        storedEqualsLive(today, collector(north), null, null, null, 0, 200);
        for (WorklistReason reason : WorklistReason.values()) {
            storedEqualsLive(today, both, reason.name(), null, null, 0, 200);
        }
        storedEqualsLive(today, both, null, north, null, 0, 200);
        storedEqualsLive(today, both, null, null, 0, 0, 200);
    }

    /** One random change through the services: a payment, a promise, a call, a dispute or a chain step. */
    private void change(Random random, LocalDate today, List<CustomerRef> portfolio, List<String> invoices, int round)
            throws Exception {
        CustomerRef customer = portfolio.get(random.nextInt(portfolio.size()));
        String invoice = invoices.get(random.nextInt(invoices.size()));
        int back = random.nextInt(20);
        switch (round % 5) {
            case 0 ->
                CollectionsFixtures.payment(
                        ledger, customer, today.minusDays(back), (1 + random.nextInt(40)) * 100 + ".00");
            case 1 -> {
                // a promise made back then, due back/2 days later (some due today, some past and so evaluated)
                LocalDate made = today.minusDays(back);
                LocalDate due = made.plusDays(back / 2);
                mvcPostQuietly("/api/v1/customers/" + customer.code() + "/promises", """
                        {"promisedOn": "%s", "amount": %s, "written": false, "asOf": "%s"}
                        """.formatted(
                                due, BigDecimal.valueOf(1 + random.nextInt(20)), made));
            }
            case 2 ->
                mvcPostQuietly("/api/v1/customers/" + customer.code() + "/activities", """
                    {"type": "%s", "on": "%s", "note": "seeded", "nextActionOn": "%s"}
                    """.formatted(
                                random.nextBoolean() ? "CALL" : "NOTE",
                                today.minusDays(back),
                                today.plusDays(random.nextInt(9) - 4)));
            case 3 ->
                mvcPostQuietly("/api/v1/invoices/" + invoice + "/disputes", """
                    {"reason": "PRICE", "amount": 1.00, "raisedOn": "%s"}
                    """.formatted(today.minusDays(back % 3)));
            default ->
                mvcPostQuietly("/api/v1/invoices/" + invoice + "/approval", """
                    {"chainRole": "%s", "status": "WAITING", "on": "%s"}
                    """.formatted(
                                random.nextBoolean() ? "FINANCE" : "AUDITOR", today.minusDays(back)));
        }
    }

    /** A random change may be refused (a promise over the open amount, a step for a paid invoice): fine. */
    private void mvcPostQuietly(String uri, String body) {
        mvc.post()
                .uri(uri)
                .with(org.creditdesk.TestUsers.admin())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }
}
