package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditdesk.TestMail;
import org.creditdesk.TestUsers;
import org.creditdesk.credit.CheckRequest;
import org.creditdesk.credit.CreditChecks;
import org.creditdesk.credit.ReasonCode;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The daily run on the shared test database. Every test runs a later date than the one before, in
 * the early 1990s: only this class's invoices are issued by then, so each run sees only its own
 * customers, and holds (which follow the newest date) are always moved.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DailyRunIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    CreditChecks checks;

    @Autowired
    LegalCases legalCases;

    @Autowired
    Escalations escalations;

    MonitoringFixtures fixtures;
    int grace;

    /** Whether the runs of earlier test classes (modern dates) have been set aside for this era's runs. */
    private static boolean newestEra;

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
        if (!newestEra) {
            // Holds follow the newest completed run: other classes' runs (modern dates) are superseded, as an
            // ADMIN's reset would, so that this class's early-1990s runs are the newest again.
            jdbc.sql(
                            "UPDATE daily_run SET status = 'SUPERSEDED' WHERE status = 'COMPLETED' AND as_of >= DATE '2000-01-01'")
                    .update();
            // and a run at the start of the era lifts the holds those runs placed, before any test counts.
            dailyRun.run(LocalDate.of(1991, 1, 1), Caller.SYSTEM);
            newestEra = true;
        }
        grace = escalations.ladder().graceDays();
    }

    @AfterEach
    void noHook() {
        dailyRun.hook(DailyRun.NO_HOOK);
    }

    /** A date later than every earlier run's, leaving room for a few days after it. */
    static LocalDate nextDate() {
        return LocalDate.of(1991, 1, 1).plusDays(200L * RUNS.incrementAndGet());
    }

    @Test
    void a_hold_is_placed_one_day_beyond_grace_and_not_on_the_last_day_of_grace() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        String withinGrace = fixtures.customer(area);
        String beyondGrace = fixtures.customer(area);
        fixtures.invoice(withinGrace, asOf.minusDays(40), asOf.minusDays(grace), "100.00");
        fixtures.invoice(beyondGrace, asOf.minusDays(40), asOf.minusDays(grace + 1), "100.00");

        DailyRunResult result = dailyRun.run(asOf, Caller.SYSTEM);

        assertThat(result.newHolds()).isEqualTo(1);
        assertThat(activeHolds(withinGrace)).isEmpty();
        assertThat(activeHolds(beyondGrace)).containsExactly("OVERDUE automatic by daily-run");
        assertThat(events(beyondGrace)).containsExactly("CUSTOMER_HOLD");
        assertThat(events(withinGrace)).isEmpty();
        assertThat(auditActions(beyondGrace)).contains("HOLD_PLACED");
        assertThat(reasons(withinGrace, asOf)).doesNotContain(ReasonCode.OVERDUE, ReasonCode.ON_HOLD);
        assertThat(reasons(beyondGrace, asOf)).contains(ReasonCode.OVERDUE).doesNotContain(ReasonCode.ON_HOLD);
        assertThat(escalations.escalations(asOf, null, Caller.SYSTEM))
                .filteredOn(e -> e.customerCode().equals(withinGrace))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.procedural()).isTrue();
                    assertThat(e.level()).isEqualTo(1);
                });
    }

    @Test
    void the_live_check_blocks_before_any_run_and_a_payment_lifts_the_block_at_once_and_the_hold_at_the_next_run() {
        LocalDate asOf = nextDate();
        String customer = fixtures.customer(fixtures.area());
        String invoice = fixtures.invoice(customer, asOf.minusDays(60), asOf.minusDays(grace + 5), "250.00");
        assertThat(reasons(customer, asOf)).as("before any run").contains(ReasonCode.OVERDUE);

        dailyRun.run(asOf, Caller.SYSTEM);
        assertThat(activeHolds(customer)).hasSize(1);

        fixtures.pay(customer, asOf, "250.00", invoice);
        assertThat(reasons(customer, asOf))
                .as("the payment lifts the block at once, the hold row waits for the run")
                .doesNotContain(ReasonCode.OVERDUE, ReasonCode.ON_HOLD);
        assertThat(activeHolds(customer)).hasSize(1);

        DailyRunResult next = dailyRun.run(asOf.plusDays(1), Caller.SYSTEM);

        assertThat(next.releasedHolds()).isEqualTo(1);
        assertThat(activeHolds(customer)).isEmpty();
        assertThat(events(customer)).containsExactly("CUSTOMER_HOLD", "CUSTOMER_RELEASED");
        assertThat(jdbc.sql("""
                        SELECT a.credit_state FROM credit_account a JOIN customer c ON c.id = a.customer_id
                        WHERE c.code = :code""").param("code", customer).query(String.class).single())
                .isEqualTo("ACTIVE");
    }

    @Test
    void disputed_amount_does_not_hold_when_policy_says_so_and_the_check_and_the_run_agree() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        String allDisputed = fixtures.customer(area);
        String partlyDisputed = fixtures.customer(area);
        String first = fixtures.invoice(allDisputed, asOf.minusDays(60), asOf.minusDays(grace + 5), "300.00");
        String second = fixtures.invoice(partlyDisputed, asOf.minusDays(60), asOf.minusDays(grace + 5), "300.00");
        dispute(first, "300.00", asOf.minusDays(20));
        dispute(second, "100.00", asOf.minusDays(20));

        disputedCountForHold(false);
        try {
            dailyRun.run(asOf, Caller.SYSTEM);

            assertThat(activeHolds(allDisputed)).as("run: all of it disputed").isEmpty();
            assertThat(reasons(allDisputed, asOf)).as("check").doesNotContain(ReasonCode.OVERDUE);
            assertThat(creditState(allDisputed, asOf)).as("credit state").isEqualTo("ACTIVE");
            assertThat(activeHolds(partlyDisputed)).as("run: 200.00 undisputed").hasSize(1);
            assertThat(reasons(partlyDisputed, asOf)).as("check").contains(ReasonCode.OVERDUE);
            assertThat(creditState(partlyDisputed, asOf)).as("credit state").isEqualTo("ON_HOLD");
        } finally {
            disputedCountForHold(true);
        }

        dailyRun.run(asOf.plusDays(1), Caller.SYSTEM);

        for (String customer : List.of(allDisputed, partlyDisputed)) {
            assertThat(activeHolds(customer))
                    .as("run, default policy: " + customer)
                    .hasSize(1);
            assertThat(reasons(customer, asOf.plusDays(1))).as("check").contains(ReasonCode.OVERDUE);
            assertThat(creditState(customer, asOf.plusDays(1)))
                    .as("credit state")
                    .isEqualTo("ON_HOLD");
        }
    }

    @Test
    void running_the_same_date_again_adds_no_task_mail_hold_event_or_legal_case() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        fixtures.user(Role.CREDIT_SUPERVISOR, true, area);
        fixtures.user(Role.CREDIT_MANAGER, true);
        fixtures.user(Role.LEGAL, true);
        String severe = fixtures.customer(area);
        String bad = fixtures.customer(area);
        fixtures.invoice(severe, asOf.minusDays(60), asOf.minusDays(20), "700.00");
        fixtures.invoice(bad, asOf.minusDays(120), asOf.minusDays(75), "900.00");
        List<String> mine = List.of(severe, bad);

        DailyRunResult first = dailyRun.run(asOf, Caller.SYSTEM);
        Map<String, Integer> before = footprint(mine);
        DailyRunResult again = dailyRun.run(asOf, Caller.SYSTEM);

        assertThat(first.newHolds()).isEqualTo(2);
        assertThat(first.legalCasesOpened()).isEqualTo(1);
        assertThat(first.lettersGenerated()).isPositive();
        assertThat(first.escalationsEntered().get("2")).isEqualTo(1);
        assertThat(first.escalationsEntered().get("4")).isEqualTo(1);
        assertThat(before.values()).allMatch(n -> n > 0);
        assertThat(footprint(mine)).isEqualTo(before);
        assertThat(again.newHolds()).isZero();
        assertThat(again.releasedHolds()).isZero();
        assertThat(again.lettersGenerated()).isZero();
        assertThat(again.tasksCreated()).isZero();
        assertThat(again.legalCasesOpened()).isZero();
        assertThat(again.escalationsEntered().values()).containsOnly(0);
        assertThat(again.escalations())
                .as("the state of the date is reported again")
                .isEqualTo(first.escalations());
        assertThat(again.customersEvaluated()).isEqualTo(first.customersEvaluated());
    }

    @Test
    void a_run_that_fails_half_way_leaves_nothing_and_its_rerun_ends_where_an_uninterrupted_run_does() {
        LocalDate interruptedDate = nextDate();
        LocalDate uninterruptedDate = interruptedDate.plusDays(100);
        String area = fixtures.area();
        fixtures.user(Role.CREDIT_SUPERVISOR, true, area);
        fixtures.user(Role.LEGAL, true);
        List<String> interrupted = scenario(area, interruptedDate);

        dailyRun.hook(step -> {
            if (step.equals("holds")) throw new IllegalStateException("killed after the holds step");
        });
        assertThatThrownBy(() -> dailyRun.run(interruptedDate, Caller.SYSTEM))
                .hasMessageContaining("killed after the holds step");
        dailyRun.hook(DailyRun.NO_HOOK);

        assertThat(footprint(interrupted).values())
                .as("nothing of the failed run is kept")
                .containsOnly(0);
        assertThat(dailyRun.history().getFirst().status()).isEqualTo("FAILED");

        dailyRun.run(interruptedDate, Caller.SYSTEM);
        Map<String, List<String>> afterRerun = state(interrupted);

        List<String> straight = scenario(area, uninterruptedDate);
        dailyRun.run(uninterruptedDate, Caller.SYSTEM);

        assertThat(state(straight)).isEqualTo(renamed(afterRerun, interrupted, straight));
        assertThat(afterRerun.values()).allMatch(facts -> !facts.isEmpty());
    }

    @Test
    void level_4_opens_one_legal_case_and_legal_blocks_the_check_until_the_case_is_closed() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        String lawyer = fixtures.user(Role.LEGAL, true);
        String customer = fixtures.customer(area);
        fixtures.invoice(customer, asOf.minusDays(120), asOf.minusDays(65), "1234.50");

        dailyRun.run(asOf, Caller.SYSTEM);
        dailyRun.run(asOf.plusDays(1), Caller.SYSTEM);

        List<LegalCase> cases = casesOf(customer);
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(LegalCaseStatus.OPEN);
            assertThat(c.reason()).isEqualTo("LEVEL_4");
            assertThat(c.amountClaimed()).isEqualByComparingTo("1234.50");
            assertThat(c.lawyer()).isNotNull();
            assertThat(c.openedOn()).isEqualTo(asOf);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM user_role ur JOIN app_user u ON u.id = ur.user_id"
                                + " WHERE u.username = :u AND ur.role = 'LEGAL'")
                        .param("u", cases.getFirst().lawyer())
                        .query(Integer.class)
                        .single())
                .as("the case goes to a lawyer")
                .isEqualTo(1);
        assertThat(reasons(customer, asOf.plusDays(1))).contains(ReasonCode.LEGAL);
        long id = cases.getFirst().id();
        Caller legal = MonitoringFixtures.caller(lawyer, Role.LEGAL);

        legalCases.changeStatus(id, new LegalCaseChange("DEMAND_LETTER_SENT", "sent by courier", null), legal);
        assertThatThrownBy(() -> legalCases.changeStatus(id, new LegalCaseChange("OPEN", null, null), legal))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION));
        assertThat(reasons(customer, asOf.plusDays(1)))
                .as("still with the lawyer")
                .contains(ReasonCode.LEGAL);

        LegalCase settled = legalCases.changeStatus(
                id, new LegalCaseChange("SETTLED", "paid in instalments", new BigDecimal("1000.00")), legal);

        assertThat(settled.closedOn()).isNotNull();
        assertThat(settled.amountRecovered()).isEqualByComparingTo("1000.00");
        assertThat(settled.notes()).contains("DEMAND_LETTER_SENT — sent by courier", "SETTLED — paid in instalments");
        assertThat(reasons(customer, asOf.plusDays(1))).doesNotContain(ReasonCode.LEGAL);

        dailyRun.run(asOf.plusDays(2), Caller.SYSTEM);
        assertThat(casesOf(customer))
                .as("a case closed during this stay on level 4 is not reopened")
                .hasSize(1);
    }

    @Test
    void the_facade_opens_one_case_per_customer_claiming_everything_open() {
        LocalDate asOf = nextDate();
        String customer = fixtures.customer(fixtures.area());
        fixtures.invoice(customer, asOf.minusDays(10), asOf.plusDays(20), "300.00");
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = :c")
                .param("c", customer)
                .query(Long.class)
                .single();

        LegalCase first = legalCases.open(customerId, "SECOND_BOUNCED_CHEQUE", asOf, Caller.SYSTEM);
        LegalCase again = legalCases.open(customerId, "SECOND_BOUNCED_CHEQUE", asOf, Caller.SYSTEM);

        assertThat(again).isEqualTo(first);
        assertThat(first.amountClaimed()).isEqualByComparingTo("300.00");
        assertThat(reasons(customer, asOf)).contains(ReasonCode.LEGAL);
    }

    @Test
    void the_daily_run_endpoint_answers_the_contract_and_lists_the_history() {
        LocalDate asOf = nextDate();
        String customer = fixtures.customer(fixtures.area());
        fixtures.invoice(customer, asOf.minusDays(40), asOf.minusDays(20), "80.00");

        var response = mvc.post()
                .uri("/api/v1/daily-runs")
                .with(httpBasic("admin", "admin-test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\": \"" + asOf + "\"}")
                .exchange();

        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.asOf").isEqualTo(asOf.toString());
        assertThat(response).bodyJson().extractingPath("$.newHolds").isEqualTo(1);
        assertThat(response).bodyJson().extractingPath("$.releasedHolds").isEqualTo(0);
        assertThat(response)
                .bodyJson()
                .extractingPath("$.customersEvaluated")
                .asNumber()
                .isNotNull();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.lettersGenerated")
                .asNumber()
                .isNotNull();
        assertThat(response).bodyJson().extractingPath("$.escalations").asMap().containsOnlyKeys("1", "2", "3", "4");

        assertThat(mvc.get().uri("/api/v1/daily-runs").with(httpBasic("admin", "admin-test-password")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].asOf")
                .isEqualTo(asOf.toString());
        assertThat(mvc.post()
                        .uri("/api/v1/daily-runs")
                        .with(TestUsers.user(jdbc, Role.AUDITOR))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/monitoring/daily-runs").with(TestUsers.admin()))
                .hasStatusOk()
                .bodyText()
                .contains(asOf.toString());
        assertThat(mvc.get().uri("/monitoring/legal-cases").with(TestUsers.admin()))
                .hasStatusOk();
    }

    @Test
    void legal_case_status_changes_over_http_are_for_lawyers_and_credit_managers() {
        LocalDate asOf = nextDate();
        String customer = fixtures.customer(fixtures.area());
        fixtures.invoice(customer, asOf.minusDays(100), asOf.minusDays(70), "55.00");
        dailyRun.run(asOf, Caller.SYSTEM);
        long id = casesOf(customer).getFirst().id();

        assertThat(mvc.get().uri("/api/v1/legal-cases?status=OPEN").with(httpBasic("admin", "admin-test-password")))
                .hasStatusOk()
                .bodyText()
                .contains(customer);
        assertThat(mvc.post()
                        .uri("/api/v1/legal-cases/{id}/status", id)
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"FILED\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch()
                        .uri("/api/v1/legal-cases/{id}/status", id)
                        .with(TestUsers.user(jdbc, Role.CREDIT_MANAGER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"FILED\", \"note\": \"court 3\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("FILED");
        assertThat(mvc.post()
                        .uri("/api/v1/legal-cases/{id}/status", id)
                        .with(TestUsers.user(jdbc, Role.LEGAL))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"NOPE\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_legal_case_page_names_an_unreadable_amount_and_changes_nothing() {
        LocalDate asOf = nextDate();
        String customer = fixtures.customer(fixtures.area());
        fixtures.invoice(customer, asOf.minusDays(100), asOf.minusDays(70), "55.00");
        dailyRun.run(asOf, Caller.SYSTEM);
        long id = casesOf(customer).getFirst().id();

        assertThat(mvc.post()
                        .uri("/monitoring/legal-cases/{id}/status", id)
                        .with(TestUsers.user(jdbc, Role.CREDIT_MANAGER))
                        .with(csrf())
                        .param("status", "CLOSED")
                        .param("amountRecovered", "12x"))
                .flash()
                .extractingByKey("refusal")
                .isInstanceOfSatisfying(
                        PageRefusal.class,
                        refusal -> assertThat(refusal.details()).containsExactly("amountRecovered: not a number"));
        assertThat(casesOf(customer).getFirst().status()).isEqualTo(LegalCaseStatus.OPEN);
    }

    // ------------------------------------------------------------------------------------------------

    /** Customers at each interesting distance from the date: procedural, beyond grace, levels 2, 3, 4. */
    private List<String> scenario(String area, LocalDate asOf) {
        int[] days = {grace, grace + 1, 20, 45, 80};
        return java.util.Arrays.stream(days)
                .mapToObj(d -> {
                    String c = fixtures.customer(area);
                    fixtures.invoice(c, asOf.minusDays(d + 30L), asOf.minusDays(d), "100.00");
                    return c;
                })
                .toList();
    }

    /** What the run leaves per customer, without ids, dates or names that differ between scenarios. */
    private Map<String, List<String>> state(List<String> customers) {
        Map<String, List<String>> state = new java.util.LinkedHashMap<>();
        for (String c : customers) {
            List<String> facts = new java.util.ArrayList<>();
            facts.addAll(prefixed("hold ", activeHolds(c)));
            facts.addAll(prefixed("event ", events(c)));
            facts.addAll(prefixed(
                    "level ", jdbc.sql("""
                            SELECT h.level || CASE WHEN h.left_on IS NULL THEN ' open' ELSE ' left' END
                                   || CASE WHEN h.procedural THEN ' procedural' ELSE '' END
                            FROM escalation_history h JOIN customer c ON c.id = h.customer_id
                            WHERE c.code = :c ORDER BY h.id""").param("c", c).query(String.class).list()));
            facts.add("tasks " + count("escalation_task", c));
            facts.add("mails " + count("mail_outbox", c));
            facts.addAll(prefixed(
                    "case ", jdbc.sql("""
                            SELECT lc.status || ' ' || lc.amount_claimed || ' ' || (lc.lawyer IS NOT NULL)
                            FROM legal_case lc JOIN customer c ON c.id = lc.customer_id
                            WHERE c.code = :c ORDER BY lc.id""").param("c", c).query(String.class).list()));
            facts.add(
                    "legal " + jdbc.sql("""
                            SELECT coalesce(bool_or(a.legal), false) FROM credit_account a
                            JOIN customer c ON c.id = a.customer_id WHERE c.code = :c""").param("c", c).query(Boolean.class).single());
            state.put(c, facts);
        }
        return state;
    }

    private static Map<String, List<String>> renamed(
            Map<String, List<String>> state, List<String> from, List<String> to) {
        Map<String, List<String>> renamed = new java.util.LinkedHashMap<>();
        for (int i = 0; i < from.size(); i++) renamed.put(to.get(i), state.get(from.get(i)));
        return renamed;
    }

    private static List<String> prefixed(String prefix, List<String> values) {
        return values.stream().map(v -> prefix + v).toList();
    }

    /** Rows this run could have written for these customers, by kind. */
    private Map<String, Integer> footprint(List<String> customers) {
        String[] codes = customers.toArray(String[]::new);
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table :
                List.of("customer_hold", "escalation_history", "escalation_task", "mail_outbox", "legal_case")) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table + " t JOIN customer c ON c.id = t.customer_id"
                                    + " WHERE c.code = ANY(CAST(:codes AS text[]))")
                            .param("codes", codes)
                            .query(Integer.class)
                            .single());
        }
        counts.put(
                "erp_event",
                jdbc.sql("SELECT count(*) FROM erp_event WHERE customer_code = ANY(CAST(:codes AS text[]))")
                        .param("codes", codes)
                        .query(Integer.class)
                        .single());
        counts.put(
                "audit_log",
                jdbc.sql("SELECT count(*) FROM audit_log WHERE subject_id = ANY(CAST(:codes AS text[]))")
                        .param("codes", codes)
                        .query(Integer.class)
                        .single());
        return counts;
    }

    private int count(String table, String customer) {
        return jdbc.sql("SELECT count(*) FROM " + table
                        + " t JOIN customer c ON c.id = t.customer_id WHERE c.code = :c")
                .param("c", customer)
                .query(Integer.class)
                .single();
    }

    private List<String> activeHolds(String customer) {
        return jdbc.sql("""
                        SELECT h.reason || CASE WHEN h.automatic THEN ' automatic' ELSE ' manual' END || ' by ' || h.placed_by
                        FROM customer_hold h JOIN customer c ON c.id = h.customer_id
                        WHERE c.code = :c AND h.lifted_at IS NULL ORDER BY h.id""").param("c", customer).query(String.class).list();
    }

    private List<String> events(String customer) {
        return jdbc.sql("SELECT type FROM erp_event WHERE customer_code = :c ORDER BY entry")
                .param("c", customer)
                .query(String.class)
                .list();
    }

    private List<String> auditActions(String customer) {
        return jdbc.sql("SELECT action FROM audit_log WHERE subject_id = :c ORDER BY id")
                .param("c", customer)
                .query(String.class)
                .list();
    }

    private List<LegalCase> casesOf(String customer) {
        return jdbc
                .sql("SELECT lc.id FROM legal_case lc JOIN customer c ON c.id = lc.customer_id WHERE c.code = :c"
                        + " ORDER BY lc.id")
                .param("c", customer)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> legalCases.get(id, Caller.SYSTEM))
                .toList();
    }

    private void dispute(String invoiceNo, String amount, LocalDate raisedOn) {
        jdbc.sql("""
                        INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, created_by)
                        SELECT i.customer_id, i.id, 'QUALITY', :amount, :raisedOn, 'test' FROM invoice i
                        WHERE i.invoice_no = :invoiceNo""")
                .param("amount", new BigDecimal(amount))
                .param("raisedOn", raisedOn)
                .param("invoiceNo", invoiceNo)
                .update();
    }

    private void disputedCountForHold(boolean counts) {
        jdbc.sql("UPDATE credit_policy SET disputed_counts_for_hold = :counts WHERE id = 1")
                .param("counts", counts)
                .update();
    }

    private String creditState(String customer, LocalDate asOf) {
        return jdbc.sql("SELECT customer_credit_state(c.id, :asOf) FROM customer c WHERE c.code = :code")
                .param("asOf", asOf)
                .param("code", customer)
                .query(String.class)
                .single();
    }

    private List<ReasonCode> reasons(String customer, LocalDate asOf) {
        return checks
                .check(new CheckRequest(customer, new BigDecimal("1.00"), null, asOf, null), Caller.SYSTEM)
                .reasons()
                .stream()
                .map(r -> r.code())
                .toList();
    }
}
