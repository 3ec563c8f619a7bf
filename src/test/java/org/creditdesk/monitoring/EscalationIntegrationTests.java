package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.TestMail;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The ladder evaluated in SQL against the calculator, the run's episodes, tasks and e-mails (against
 * GreenMail), the escalations endpoint and the pages. Runs evaluate the whole shared test database, so
 * assertions look only at this test's customers and users.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EscalationIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationRun run;

    @Autowired
    EscalationRepository repository;

    @Autowired
    AgingRepository agingRepository;

    MonitoringFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    /** Dated in 2290, after every other test's settlements, so the open-amount path applies. */
    @Test
    void the_board_after_the_last_settlement_reads_open_amounts_and_equals_the_replayed_history() {
        String area = fixtures.area();
        String partly = fixtures.customer(area, "Open One", null, "VOLUME");
        String other = fixtures.customer(area, "Open Two", null, "VOLUME");
        LocalDate issued = LocalDate.of(2290, 3, 1);
        String invoice = fixtures.invoice(partly, issued, issued.plusDays(30), "900.00");
        fixtures.invoice(partly, issued.plusDays(60), issued.plusDays(90), "50.00");
        fixtures.invoice(other, issued.plusDays(5), issued.plusDays(20), "120.00");
        fixtures.pay(partly, issued.plusDays(40), "300.00", invoice);
        LocalDate asOf = issued.plusDays(95);
        EscalationLadder ladder = escalations.ladder();
        String[] areas = {area};

        assertThat(agingRepository.openAmountsHold(asOf)).isTrue();
        EscalationRepository.BoardPage fromOpenAmounts = repository.board(
                asOf, EscalationRepository.Source.OPEN_AMOUNTS, ladder, null, areas, null, null, 0, 50);
        assertThat(fromOpenAmounts)
                .isEqualTo(repository.board(
                        asOf, EscalationRepository.Source.REPLAYED, ladder, null, areas, null, null, 0, 50));
        assertThat(repository.board(
                        asOf, EscalationRepository.Source.OPEN_AMOUNTS, ladder, null, areas, null, null, 0, null))
                .isEqualTo(repository.board(
                        asOf, EscalationRepository.Source.REPLAYED, ladder, null, areas, null, null, 0, null))
                .extracting(EscalationRepository.BoardPage::rows)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
        assertThat(fromOpenAmounts.rows())
                .extracting(EscalationRepository.Row::customerCode, EscalationRepository.Row::overdueAmount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(other, new java.math.BigDecimal("120.00")),
                        org.assertj.core.groups.Tuple.tuple(partly, new java.math.BigDecimal("650.00")));
    }

    @Test
    void the_sql_levels_agree_with_the_ladder_on_threshold_days_and_both_sides_of_grace() {
        LocalDate asOf = LocalDate.of(2030, 1, 15);
        String area = fixtures.area();
        EscalationLadder ladder = escalations.ladder();
        int grace = ladder.graceDays();
        int[] days = {0, 1, grace, grace + 1, 15, 16, 30, 31, 60, 61, 91};
        Map<String, Integer> daysByCustomer = new java.util.HashMap<>();
        for (int d : days) {
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, asOf.minusDays(d + 30), asOf.minusDays(d), "300.00");
            daysByCustomer.put(customer, d);
        }

        List<Escalation> found = escalations.escalations(asOf, null, seeing(area));

        for (var entry : daysByCustomer.entrySet()) {
            int d = entry.getValue();
            OverdueSnapshot snapshot = d == 0
                    ? OverdueSnapshot.clear(asOf)
                    : new OverdueSnapshot(asOf, new BigDecimal("300.00"), asOf.minusDays(d));
            LadderPosition expected = ladder.evaluate(snapshot);
            var row = found.stream()
                    .filter(e -> e.customerCode().equals(entry.getKey()))
                    .findFirst();
            if (!expected.escalated()) {
                assertThat(row).as("%d days", d).isEmpty();
                continue;
            }
            assertThat(row).as("%d days", d).isPresent();
            assertThat(row.get().level()).as("%d days", d).isEqualTo(expected.level());
            assertThat(row.get().procedural()).as("%d days", d).isEqualTo(expected.procedural());
            assertThat(row.get().daysOverdue()).isEqualTo(d);
            assertThat(row.get().responsibleRoles())
                    .containsExactlyInAnyOrderElementsOf(ladder.rolesAt(expected.level()));
        }
        assertThat(found)
                .filteredOn(Escalation::procedural)
                .extracting(Escalation::daysOverdue)
                .containsOnly(1, grace);
    }

    @Test
    void entering_a_level_creates_tasks_and_mails_once_and_reruns_add_nothing() {
        LocalDate asOf = LocalDate.of(2030, 4, 10);
        String area = fixtures.area();
        String otherArea = fixtures.area();
        String supervisor = fixtures.user(Role.CREDIT_SUPERVISOR, true, area);
        String salesManager = fixtures.user(Role.SALES_MANAGER, true, area);
        String creditManager = fixtures.user(Role.CREDIT_MANAGER, true);
        String generalManager = fixtures.user(Role.GENERAL_MANAGER, true);
        String elsewhere = fixtures.user(Role.CREDIT_SUPERVISOR, true, otherArea);
        String unassigned = fixtures.user(Role.CREDIT_SUPERVISOR, true);
        String customer = fixtures.customer(area);
        String invoice = fixtures.invoice(customer, asOf.minusDays(50), asOf.minusDays(20), "4321.00");

        EscalationRunResult first = run.evaluate(asOf);

        assertThat(first.entered().get("2")).isPositive();
        assertThat(first.customersAtLevel()).containsOnlyKeys("1", "2", "3", "4");
        List<String> mine = List.of(supervisor, salesManager, creditManager, generalManager, elsewhere, unassigned);
        assertThat(taskHolders(customer, mine)).containsExactlyInAnyOrder(supervisor, salesManager, creditManager);
        assertThat(recipientsFor(customer))
                .contains(mail(supervisor), mail(salesManager), mail(creditManager))
                .doesNotContain(mail(elsewhere), mail(unassigned), mail(generalManager))
                .doesNotHaveDuplicates();
        int tasks = taskHolders(customer).size();
        int outbox = outboxRows(customer);
        int received = recipientsFor(customer).size();
        assertThat(outbox).isEqualTo(received);

        EscalationRunResult again = run.evaluate(asOf);
        run.evaluate(asOf.plusDays(1));

        assertThat(again.entered().values()).containsOnly(0);
        assertThat(again.tasksCreated()).isZero();
        assertThat(again.mailsQueued()).isZero();
        assertThat(taskHolders(customer)).hasSize(tasks);
        assertThat(outboxRows(customer)).isEqualTo(outbox);
        assertThat(recipientsFor(customer)).hasSize(received);

        // 31 days overdue: level 3 is a new episode with its own people
        run.evaluate(asOf.plusDays(11));
        assertThat(taskHolders(customer, mine))
                .containsExactlyInAnyOrder(supervisor, salesManager, creditManager, creditManager, generalManager);
        assertThat(escalations.history(customer, Caller.SYSTEM))
                .extracting(EscalationEpisode::level, EscalationEpisode::enteredOn, EscalationEpisode::leftOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, asOf, asOf.plusDays(11)),
                        org.assertj.core.groups.Tuple.tuple(3, asOf.plusDays(11), null));

        // paid: the episode closes and the customer leaves the board
        fixtures.pay(customer, asOf.plusDays(12), "4321.00", invoice);
        EscalationRunResult paid = run.evaluate(asOf.plusDays(12));
        assertThat(paid.left()).isPositive();
        assertThat(escalations.history(customer, Caller.SYSTEM).getLast().leftOn())
                .isEqualTo(asOf.plusDays(12));
        assertThat(escalations.escalations(asOf.plusDays(12), null, seeing(area)))
                .isEmpty();
        // an earlier date does not rewrite later history
        run.evaluate(asOf.plusDays(5));
        assertThat(escalations.history(customer, Caller.SYSTEM)).hasSize(2);
    }

    @Test
    void each_level_mails_its_responsible_people_with_customer_level_days_and_amount() throws Exception {
        LocalDate asOf = LocalDate.of(2030, 7, 20);
        String area = fixtures.area();
        String supervisor = fixtures.user(Role.CREDIT_SUPERVISOR, true, area);
        String creditManager = fixtures.user(Role.CREDIT_MANAGER, true);
        String generalManager = fixtures.user(Role.GENERAL_MANAGER, true);
        String lawyer = fixtures.user(Role.LEGAL, true);
        Map<Integer, Integer> daysByLevel = Map.of(1, 10, 2, 20, 3, 40, 4, 70);
        Map<Integer, List<String>> recipientsByLevel = Map.of(
                1, List.of(supervisor),
                2, List.of(supervisor, creditManager),
                3, List.of(creditManager, generalManager),
                4, List.of(lawyer));
        Map<Integer, String> customerByLevel = new java.util.HashMap<>();
        for (var entry : daysByLevel.entrySet()) {
            String customer = fixtures.customer(area, "Level " + entry.getKey() + " Trading", null, "VOLUME");
            int days = entry.getValue();
            fixtures.invoice(customer, asOf.minusDays(days + 30), asOf.minusDays(days), days + "00.25");
            customerByLevel.put(entry.getKey(), customer);
        }

        run.evaluate(asOf);

        for (int level = 1; level <= 4; level++) {
            String customer = customerByLevel.get(level);
            int days = daysByLevel.get(level);
            List<String> mine = List.of(supervisor, creditManager, generalManager, lawyer);
            List<MimeMessage> messages = messagesAbout(customer).stream()
                    .filter(m ->
                            mine.stream().map(EscalationIntegrationTests::mail).anyMatch(recipient(m)::equals))
                    .toList();
            assertThat(messages)
                    .as("level %d", level)
                    .extracting(EscalationIntegrationTests::recipient)
                    .containsExactlyInAnyOrderElementsOf(recipientsByLevel.get(level).stream()
                            .map(EscalationIntegrationTests::mail)
                            .toList());
            for (MimeMessage message : messages) {
                assertThat(message.getSubject())
                        .contains("level " + level, customer, "Level " + level + " Trading")
                        .contains(days + " days overdue", days + "00.25 CNY");
                assertThat(String.valueOf(message.getContent()))
                        .contains(customer, "Level " + level + " Trading", "level " + level)
                        .contains("Days overdue: " + days, "Overdue amount: " + days + "00.25 CNY");
            }
        }
        assertThat(String.valueOf(
                        messagesAbout(customerByLevel.get(4)).getFirst().getContent()))
                .contains("legal action");
    }

    @Test
    void the_escalations_endpoint_lists_levels_with_roles_and_is_scoped_to_the_callers_areas() {
        LocalDate asOf = LocalDate.of(2030, 10, 1);
        String area = fixtures.area();
        String other = fixtures.area();
        String customer = fixtures.customer(area);
        fixtures.invoice(customer, asOf.minusDays(60), asOf.minusDays(35), "777.70");
        String hidden = fixtures.customer(other);
        fixtures.invoice(hidden, asOf.minusDays(60), asOf.minusDays(35), "1.00");

        MvcTestResult result = mvc.get()
                .uri("/api/v1/escalations?asOf={asOf}&level=3", asOf)
                .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result)
                .bodyJson()
                .extractingPath("$[*].customerCode")
                .asArray()
                .containsExactly(customer);
        assertThat(result).bodyJson().extractingPath("$[0].level").isEqualTo(3);
        assertThat(result).bodyJson().extractingPath("$[0].daysOverdue").isEqualTo(35);
        assertThat(result).bodyJson().extractingPath("$[0].overdueAmount").isEqualTo(777.70);
        assertThat(result)
                .bodyJson()
                .extractingPath("$[0].responsibleRoles")
                .asArray()
                .containsExactly("COLLECTOR", "CREDIT_MANAGER", "GENERAL_MANAGER");
        assertThat(mvc.get()
                        .uri("/api/v1/escalations?asOf={asOf}&level=2", asOf)
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area)))
                .bodyJson()
                .extractingPath("$")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/v1/escalations?level=5").with(TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/escalation-runs")
                        .with(TestUsers.user(jdbc, Role.SALES_MANAGER, area))
                        .contentType("application/json")
                        .content("{\"asOf\": \"2030-10-01\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult evaluated = mvc.post()
                .uri("/api/v1/escalation-runs")
                .with(TestUsers.admin())
                .contentType("application/json")
                .content("{\"asOf\": \"2030-10-01\"}")
                .exchange();
        assertThat(evaluated).hasStatusOk();
        assertThat(evaluated).bodyJson().extractingPath("$.asOf").isEqualTo("2030-10-01");
        assertThat(evaluated)
                .bodyJson()
                .extractingPath("$.customersAtLevel.3")
                .asNumber()
                .isNotEqualTo(0);
    }

    @Test
    void pages_show_the_board_my_escalations_aging_and_staffing() {
        LocalDate asOf = LocalDate.of(2031, 2, 28);
        String area = fixtures.area();
        String supervisor = fixtures.user(Role.CREDIT_SUPERVISOR, false, area);
        String customer = fixtures.customer(area, "Board & Co", null, "VOLUME");
        fixtures.invoice(customer, asOf.minusMonths(2), asOf.minusDays(5), "250.00");
        run.evaluate(asOf);
        var asSupervisor = TestUsers.signedIn(new Caller(supervisor, Set.of(Role.CREDIT_SUPERVISOR), Set.of()));

        MvcTestResult board = mvc.get()
                .uri("/monitoring/escalations?asOf={asOf}&area={area}", asOf, area)
                .with(asSupervisor)
                .exchange();
        assertThat(board).hasStatusOk();
        assertThat(board).bodyText().contains(customer, "Board &amp; Co", supervisor, "Escalation board");

        MvcTestResult mine =
                mvc.get().uri("/monitoring/my-escalations").with(asSupervisor).exchange();
        assertThat(mine).hasStatusOk();
        assertThat(mine).bodyText().contains(customer, "CREDIT_SUPERVISOR");
        long taskId = escalations
                .tasksOf(new Caller(supervisor, Set.of(Role.CREDIT_SUPERVISOR), Set.of()), true)
                .getFirst()
                .id();

        MvcTestResult done = mvc.post()
                .uri("/monitoring/my-escalations/{id}/done", taskId)
                .header("HX-Request", "true")
                .param("note", "called the buyer")
                .with(asSupervisor)
                .with(csrf())
                .exchange();
        assertThat(done).hasStatusOk();
        assertThat(done)
                .bodyText()
                .contains("task-" + taskId, "called the buyer")
                .doesNotContain("<html");
        assertThat(mvc.get()
                        .uri("/monitoring/escalations?asOf={asOf}&area={area}", asOf, area)
                        .with(asSupervisor))
                .bodyText()
                .contains("called the buyer");
        // someone else's task is not theirs to close
        assertThat(mvc.post()
                        .uri("/api/v1/escalation-tasks/{id}/done", taskId)
                        .with(TestUsers.user(jdbc, Role.CREDIT_SUPERVISOR, area))
                        .contentType("application/json")
                        .content("{}"))
                .hasStatus(HttpStatus.NOT_FOUND);

        MvcTestResult agingPage = mvc.get()
                .uri("/monitoring/aging?asOf={asOf}", asOf)
                .with(asSupervisor)
                .exchange();
        assertThat(agingPage).hasStatusOk();
        assertThat(agingPage)
                .bodyText()
                .contains("id=\"aging-by-area\"", "data-chart=", "echarts.min.js", area, "250.00");
        assertThat(mvc.get().uri("/js/vendor/echarts/echarts.min.js")).hasStatusOk();

        MvcTestResult staffing = mvc.get()
                .uri("/monitoring/staffing?asOf={asOf}", asOf)
                .with(asSupervisor)
                .exchange();
        assertThat(staffing).hasStatusOk();
        assertThat(staffing).bodyText().contains("Name of " + supervisor, area);
    }

    @Test
    void staffing_reports_workload_per_supervisor_and_headcount_per_area() {
        LocalDate asOf = LocalDate.of(2031, 6, 30);
        String area = fixtures.area();
        String shared = fixtures.area();
        String supervisor = fixtures.user(Role.CREDIT_SUPERVISOR, false, area);
        String both = fixtures.user(Role.CREDIT_SUPERVISOR, false, area, shared);
        for (int i = 0; i < 3; i++) {
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, asOf.minusMonths(2), asOf.minusMonths(1), "10000000.00");
        }
        String old = fixtures.customer(shared);
        fixtures.invoice(old, asOf.minusMonths(13), asOf.plusDays(10), "500.00");

        MvcTestResult result = mvc.get()
                .uri("/api/v1/reports/staffing?asOf={asOf}", asOf)
                .with(TestUsers.admin())
                .exchange();

        assertThat(result).hasStatusOk();
        var body = assertThat(result).bodyJson();
        String areaPath = "$.areas[?(@.area == '" + area + "')]";
        body.extractingPath(areaPath + ".customers").asArray().containsExactly(3);
        body.extractingPath(areaPath + ".annualSales").asArray().containsExactly(30000000.00);
        body.extractingPath(areaPath + ".overdueReceivables").asArray().containsExactly(30000000.00);
        // 30 million: 3–5 by sales; 3 customers: 1–1 by customers
        body.extractingPath(areaPath + ".requiredLow").asArray().containsExactly(3);
        body.extractingPath(areaPath + ".requiredHigh").asArray().containsExactly(5);
        body.extractingPath(areaPath + ".actual").asArray().containsExactly(1.5);
        body.extractingPath(areaPath + ".assessment").asArray().containsExactly("BELOW");
        String sharedPath = "$.areas[?(@.area == '" + shared + "')]";
        body.extractingPath(sharedPath + ".annualSales").asArray().containsExactly(0);
        body.extractingPath(sharedPath + ".openReceivables").asArray().containsExactly(500.00);
        body.extractingPath(sharedPath + ".actual").asArray().containsExactly(0.5);
        String supervisorPath = "$.supervisors[?(@.username == '" + both + "')]";
        body.extractingPath(supervisorPath + ".customers").asArray().containsExactly(4);
        body.extractingPath(supervisorPath + ".openReceivables").asArray().containsExactly(30000500.00);
        body.extractingPath("$.supervisors[?(@.username == '" + supervisor + "')].customers")
                .asArray()
                .containsExactly(3);
    }

    // ------------------------------------------------------------------------------------------------

    static Caller seeing(String area) {
        return new Caller("rep", Set.of(Role.SALES_REP), Set.of(area));
    }

    static String mail(String username) {
        return MonitoringFixtures.mail(username);
    }

    private List<String> taskHolders(String customer) {
        return jdbc.sql("""
                        SELECT u.username FROM escalation_task t
                        JOIN app_user u ON u.id = t.user_id
                        JOIN customer c ON c.id = t.customer_id
                        WHERE c.code = :code
                        """).param("code", customer).query(String.class).list();
    }

    /** The task holders among these users (credit and general managers of other tests answer too). */
    private List<String> taskHolders(String customer, List<String> among) {
        return taskHolders(customer).stream().filter(among::contains).toList();
    }

    private int outboxRows(String customer) {
        return jdbc.sql("""
                        SELECT count(*) FROM mail_outbox m JOIN customer c ON c.id = m.customer_id WHERE c.code = :code
                        """).param("code", customer).query(Integer.class).single();
    }

    private List<String> recipientsFor(String customer) {
        return messagesAbout(customer).stream()
                .map(EscalationIntegrationTests::recipient)
                .toList();
    }

    private List<MimeMessage> messagesAbout(String customer) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(customer))
                .toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
