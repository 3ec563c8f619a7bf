package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
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

/** The fund plan over HTTP on the embedded PostgreSQL; each test plans its own year (plans are per year). */
@SpringBootTest
@AutoConfigureMockMvc
class FundPlanIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    FundPlans plans;

    PlanningFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlanningFixtures(jdbc, ledger);
    }

    MvcTestResult put(int year, String body, RequestPostProcessor user) {
        return mvc.put()
                .uri("/api/v1/fund-plans/{year}", year)
                .with(user)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult approve(int year, RequestPostProcessor user) {
        return mvc.post()
                .uri("/api/v1/fund-plans/{year}/approve", year)
                .with(user)
                .with(csrf())
                .exchange();
    }

    /**
     * The count-back example of CountBackTests.HAND_EXAMPLE through the ledger: invoices of 500,000 on
     * 10 April (250,000 paid on 20 May), 350,000 on 15 May and 400,000 on 5 June; on 30 June the
     * receivables are 1,000,000 and the count-back DSO 76.0 days (simple 72.8). Month-end receivables
     * Jan-Mar 0, April 500,000, May 600,000, June 1,000,000: sum 2,100,000 over 6 samples, average
     * 350,000.00; capital cost 2,100,000 x 0.06 x 181 / (6 x 365) = 10,413.6986 -> 10,413.70; margin
     * after it 15 % of 1,250,000 - 10,413.70 = 177,086.30.
     */
    @Test
    void status_shows_count_back_dso_and_exact_capital_cost_for_the_hand_computed_example() {
        int year = 2031;
        String line = fixtures.productLine();
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        fixtures.handExample(customer, line, year);
        String body = PlanningFixtures.plan(
                line, "2000000", 90, "15", List.<String[]>of(new String[] {area, "900000", "60"}), "");
        assertThat(put(year, body, TestUsers.user(jdbc, Role.FINANCE))).hasStatusOk();

        PlanStatusReport lines = plans.status(year, LocalDate.of(year, 6, 30), Level.PRODUCT_LINE, Caller.SYSTEM);
        PlanNodeStatus node = node(lines, line);
        assertThat(node.actualReceivables()).isEqualByComparingTo("1000000.00");
        assertThat(node.actualDays()).isEqualByComparingTo("76.0");
        assertThat(node.simpleDays()).isEqualByComparingTo("72.8");
        assertThat(node.averageReceivables()).isEqualByComparingTo("350000.00");
        assertThat(node.capitalCost()).isEqualTo(new java.math.BigDecimal("10413.70"));
        assertThat(node.salesInPeriod()).isEqualByComparingTo("1250000.00");
        assertThat(node.marginAfterCapitalCost()).isEqualByComparingTo("177086.30");
        assertThat(node.overPlan()).isFalse();
        assertThat(node.light()).isEqualTo(PlanNodeStatus.Light.GREEN);

        MvcTestResult areas = mvc.get()
                .uri("/api/v1/fund-plans/{year}/status?asOf={asOf}&level=area", year, year + "-06-30")
                .with(TestUsers.user(jdbc, Role.CREDIT_MANAGER))
                .exchange();
        assertThat(areas)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.planStatus")
                .isEqualTo("DRAFT");
        PlanNodeStatus areaNode =
                node(plans.status(year, LocalDate.of(year, 6, 30), Level.AREA, Caller.SYSTEM), line + "/" + area);
        assertThat(areaNode.plannedAmount()).isEqualByComparingTo("900000.00");
        assertThat(areaNode.overPlan())
                .as("1,000,000 open against 900,000 planned")
                .isTrue();
        assertThat(areaNode.light()).isEqualTo(PlanNodeStatus.Light.RED);
    }

    @Test
    void amounts_over_the_parent_are_refused_with_422_naming_the_node_and_nothing_is_written() {
        int year = 2032;
        String line = fixtures.productLine();
        String area = fixtures.area();
        String body = PlanningFixtures.plan(
                line, "100000", 60, "10", List.<String[]>of(new String[] {area, "150000", "60"}), "");
        MvcTestResult refused = put(year, body, TestUsers.user(jdbc, Role.GENERAL_MANAGER));
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("node " + line);
        assertThat(mvc.get()
                        .uri("/api/v1/fund-plans/{year}", year)
                        .with(TestUsers.admin())
                        .exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void only_a_general_manager_approves_and_a_revision_is_a_new_version_while_the_approved_one_stays() {
        int year = 2033;
        String line = fixtures.productLine();
        String area = fixtures.area();
        String body = PlanningFixtures.plan(
                line, "100000", 60, "10", List.<String[]>of(new String[] {area, "50000", "60"}), "");
        assertThat(put(year, body, TestUsers.user(jdbc, Role.CREDIT_MANAGER))).hasStatusOk();
        assertThat(put(year, body, TestUsers.user(jdbc, Role.SALES_MANAGER))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(approve(year, TestUsers.user(jdbc, Role.CREDIT_MANAGER))).hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult approved = approve(year, TestUsers.user(jdbc, Role.GENERAL_MANAGER));
        assertThat(approved).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("APPROVED");
        assertThat(approved).bodyJson().extractingPath("$.version").isEqualTo(1);

        String revised = PlanningFixtures.plan(
                line, "120000", 60, "10", List.<String[]>of(new String[] {area, "70000", "60"}), "");
        assertThat(put(year, revised, TestUsers.user(jdbc, Role.FINANCE)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(2);
        PlanStatusReport status = plans.status(year, LocalDate.of(year, 3, 31), Level.AREA, Caller.SYSTEM);
        assertThat(status.version())
                .as("the approved plan steers until the revision is approved")
                .isEqualTo(1);
        assertThat(node(status, line + "/" + area).plannedAmount()).isEqualByComparingTo("50000.00");
        assertThat(approve(year, TestUsers.user(jdbc, Role.GENERAL_MANAGER))).hasStatusOk();
        assertThat(plans.status(year, LocalDate.of(year, 3, 31), Level.AREA, Caller.SYSTEM)
                        .version())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT status FROM fund_plan WHERE plan_year = :y ORDER BY version")
                        .param("y", year)
                        .query(String.class)
                        .list())
                .containsExactly("SUPERSEDED", "APPROVED");
        assertThat(jdbc.sql(
                                "SELECT action FROM audit_log WHERE subject_type = 'FUND_PLAN' AND subject_id = :y ORDER BY id")
                        .param("y", String.valueOf(year))
                        .query(String.class)
                        .list())
                .containsExactly("FUND_PLAN_DRAFTED", "FUND_PLAN_APPROVED", "FUND_PLAN_DRAFTED", "FUND_PLAN_APPROVED");
    }

    @Test
    void sales_managers_see_their_areas_nodes_only() {
        int year = 2034;
        String line = fixtures.productLine();
        String mine = fixtures.area();
        String other = fixtures.area();
        String myCustomer = fixtures.customer(mine);
        String otherCustomer = fixtures.customer(other);
        fixtures.invoice(myCustomer, line, LocalDate.of(year, 2, 1), "1000.00");
        fixtures.invoice(otherCustomer, line, LocalDate.of(year, 2, 1), "5000.00");
        String customers = """
                {"customerCode":"%s","productLine":"%s","amount":800,"targetDays":30},
                {"customerCode":"%s","productLine":"%s","amount":4000,"targetDays":30}
                """.formatted(myCustomer, line, otherCustomer, line);
        String body = PlanningFixtures.plan(
                line,
                "100000",
                60,
                "10",
                List.of(new String[] {mine, "30000", "60"}, new String[] {other, "60000", "60"}),
                customers);
        assertThat(put(year, body, TestUsers.user(jdbc, Role.GENERAL_MANAGER))).hasStatusOk();
        Caller manager = new Caller("sm", Set.of(Role.SALES_MANAGER), Set.of(mine));
        LocalDate asOf = LocalDate.of(year, 2, 28);

        assertThat(plans.status(year, asOf, Level.AREA, manager).nodes())
                .extracting(PlanNodeStatus::key)
                .contains(line + "/" + mine)
                .noneMatch(k -> k.contains(other));
        assertThat(plans.status(year, asOf, Level.CUSTOMER, manager).nodes())
                .extracting(PlanNodeStatus::customerCode)
                .contains(myCustomer)
                .doesNotContain(otherCustomer);
        PlanNodeStatus lineNode = node(plans.status(year, asOf, Level.PRODUCT_LINE, manager), line);
        assertThat(lineNode.plannedAmount()).as("only their area's share").isEqualByComparingTo("30000.00");
        assertThat(lineNode.actualReceivables()).isEqualByComparingTo("1000.00");
        assertThat(plans.plan(year, manager).areas())
                .extracting(FundPlan.AreaPlan::area)
                .containsExactly(mine);

        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/fund-plans/{year}/status?asOf={asOf}&level=customer&format=xlsx", year, asOf.toString())
                .with(TestUsers.user(jdbc, Role.SALES_MANAGER, mine))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("key");
            assertThat(rows.stream().map(r -> r.getCellText(3)).toList())
                    .contains(myCustomer)
                    .doesNotContain(otherCustomer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_dso_trend_has_one_point_per_month_per_node() {
        String line = fixtures.productLine();
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        fixtures.invoice(customer, line, LocalDate.of(2035, 1, 10), "3100.00");
        MvcTestResult trend = mvc.get()
                .uri("/api/v1/reports/dso?asOf=2035-03-31&groupBy=area&months=24")
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange();
        assertThat(trend)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.series.length()")
                .isEqualTo(1);
        assertThat(trend)
                .bodyJson()
                .extractingPath("$.series[0].points.length()")
                .isEqualTo(24);
        // end of January: 3,100 open of January's 3,100 sales = 31 days; end of March: + Feb 28 + Mar 31 days
        assertThat(trend)
                .bodyJson()
                .extractingPath("$.series[0].points[21].dso")
                .isEqualTo(31.0);
        assertThat(trend)
                .bodyJson()
                .extractingPath("$.series[0].points[23].dso")
                .isEqualTo(90.0);
        assertThat(mvc.get()
                        .uri("/api/v1/reports/dso?months=99")
                        .with(TestUsers.admin())
                        .exchange())
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void value_added_contracts_show_their_open_amount_against_their_own_credit_line() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        String contract = PlanningFixtures.unique("K");
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = :c")
                .param("c", customer)
                .query(Long.class)
                .single();
        long request = jdbc.sql("""
                        INSERT INTO credit_limit_request (customer_id, customer_code, area_code, contract_no, amount, currency,
                            valid_from, valid_until, reason, status, requested_by, requested_at, decided_by, decided_at)
                        VALUES (:id, :code, :area, :contract, 5000, 'CNY', DATE '2030-01-01', DATE '2040-12-31', 'contract',
                            'APPROVED', 'rep', now(), 'cm', now()) RETURNING id
                        """)
                .param("id", customerId)
                .param("code", customer)
                .param("area", area)
                .param("contract", contract)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO credit_limit (customer_id, contract_no, amount, currency, valid_from, valid_until, request_id,
                            approved_by, approved_at)
                        VALUES (:id, :contract, 5000, 'CNY', DATE '2030-01-01', DATE '2040-12-31', :request, 'cm', now())
                        """)
                .param("id", customerId)
                .param("contract", contract)
                .param("request", request)
                .update();
        String orderNo = PlanningFixtures.unique("PO");
        jdbc.sql("""
                        INSERT INTO sales_order (order_no, customer_id, order_date, amount, currency, contract_no, status)
                        VALUES (:no, :id, DATE '2035-05-01', 6000, 'CNY', :contract, 'INVOICED')
                        """)
                .param("no", orderNo)
                .param("id", customerId)
                .param("contract", contract)
                .update();
        ledger.issueInvoice(
                new org.creditdesk.ledger.IssueInvoice(
                        PlanningFixtures.unique("PINV"),
                        customer,
                        orderNo,
                        LocalDate.of(2035, 5, 2),
                        LocalDate.of(2035, 6, 1),
                        new java.math.BigDecimal("6000.00"),
                        "CNY",
                        null),
                Caller.SYSTEM);

        List<ContractLine> lines =
                plans.contracts(LocalDate.of(2035, 6, 30), new Caller("sm", Set.of(Role.SALES_MANAGER), Set.of(area)));
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.contractNo()).isEqualTo(contract);
            assertThat(line.creditLine()).isEqualByComparingTo("5000");
            assertThat(line.openAmount()).isEqualByComparingTo("6000");
            assertThat(line.overLine()).isTrue();
        });
    }

    static PlanNodeStatus node(PlanStatusReport report, String key) {
        return report.nodes().stream()
                .filter(n -> n.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no node " + key + " in " + report.nodes()));
    }
}
