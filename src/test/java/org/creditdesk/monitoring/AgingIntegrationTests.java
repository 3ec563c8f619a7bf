package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

/** The aging SQL against the bucket function, as-of reconstruction, scoping, groupings and exports. */
@SpringBootTest
@AutoConfigureMockMvc
class AgingIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Aging aging;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    MonitoringFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    static Caller seeing(String area) {
        return new Caller("rep", Set.of(Role.SALES_REP), Set.of(area));
    }

    @Test
    void the_configured_buckets_are_the_defaults() {
        assertThat(aging.buckets()).isEqualTo(AgingBucketsTests.DEFAULT);
    }

    @Test
    void the_sql_puts_every_threshold_day_into_the_bucket_the_bucket_function_names() {
        LocalDate asOf = LocalDate.of(2029, 3, 1);
        String area = fixtures.area();
        Map<String, Integer> daysByCustomer = new HashMap<>();
        for (int days : AgingBucketsTests.BOUNDARIES.keySet()) {
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, asOf.minusDays(days + 30), asOf.minusDays(days), "100.00");
            daysByCustomer.put(customer, days);
        }

        AgingReport report = aging.report(asOf, AgingGrouping.CUSTOMER, seeing(area));

        assertThat(report.rows()).hasSize(daysByCustomer.size());
        for (AgingRow row : report.rows()) {
            int days = daysByCustomer.get(row.key());
            String expected = AgingBucketsTests.DEFAULT.bucketFor(days).code();
            assertThat(nonZeroBuckets(row)).as("%d days overdue", days).containsExactly(expected);
            assertThat(row.total()).isEqualByComparingTo("100.00");
        }
    }

    @Test
    void month_ends_and_the_leap_day_age_by_calendar_days() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        fixtures.invoice(customer, LocalDate.of(2027, 11, 1), LocalDate.of(2027, 12, 1), "90.00");
        fixtures.invoice(customer, LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 28), "28.00");

        // 2028 is a leap year: 1 Dec 2027 + 90 days = 29 Feb 2028.
        assertThat(bucketsOf(LocalDate.of(2028, 2, 29), area))
                .containsEntry("61-90", new BigDecimal("90.00"))
                .containsEntry("1-15", new BigDecimal("28.00"));
        assertThat(bucketsOf(LocalDate.of(2028, 3, 1), area))
                .containsEntry("over-90", new BigDecimal("90.00"))
                .containsEntry("1-15", new BigDecimal("28.00"));
        assertThat(bucketsOf(LocalDate.of(2028, 2, 28), area))
                .containsEntry("current", new BigDecimal("28.00"))
                .containsEntry("61-90", new BigDecimal("90.00"));
        assertThat(bucketsOf(LocalDate.of(2028, 3, 14), area)).containsEntry("1-15", new BigDecimal("28.00"));
        assertThat(bucketsOf(LocalDate.of(2028, 3, 15), area)).containsEntry("16-30", new BigDecimal("28.00"));
    }

    @Test
    void a_partly_paid_overdue_invoice_counts_with_what_was_open_on_each_date() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        LocalDate due = LocalDate.of(2029, 5, 31);
        String invoice = fixtures.invoice(customer, due.minusDays(30), due, "1000.00");
        String payment = fixtures.pay(customer, due.plusDays(10), "400.00", invoice);
        fixtures.reverse(payment, due.plusDays(30));
        fixtures.invoice(customer, due.plusDays(40), due.plusDays(70), "55.00");

        assertThat(bucketsOf(due.minusDays(31), area)).isEmpty();
        assertThat(bucketsOf(due, area)).containsEntry("current", new BigDecimal("1000.00"));
        assertThat(bucketsOf(due.plusDays(5), area)).containsEntry("1-15", new BigDecimal("1000.00"));
        assertThat(bucketsOf(due.plusDays(10), area)).containsEntry("1-15", new BigDecimal("600.00"));
        assertThat(bucketsOf(due.plusDays(29), area)).containsEntry("16-30", new BigDecimal("600.00"));
        // the payment bounced: reopened from that day on
        assertThat(bucketsOf(due.plusDays(30), area)).containsEntry("16-30", new BigDecimal("1000.00"));
        assertThat(bucketsOf(due.plusDays(40), area))
                .containsEntry("31-60", new BigDecimal("1000.00"))
                .containsEntry("current", new BigDecimal("55.00"));
    }

    @Test
    void rows_group_by_product_line_sales_rep_and_business_group_in_each_currency() {
        String area = fixtures.area();
        String rep = MonitoringFixtures.unique("REP");
        String customer = fixtures.customer(area, "Grouped", rep, "VALUE_ADDED");
        LocalDate asOf = LocalDate.of(2029, 8, 1);
        String lineA = MonitoringFixtures.unique("PL");
        String lineB = MonitoringFixtures.unique("PL");
        fixtures.invoice(customer, asOf.minusDays(40), asOf.minusDays(10), "10.00", "CNY", lineA);
        fixtures.invoice(customer, asOf.minusDays(40), asOf.minusDays(20), "20.00", "CNY", lineB);
        fixtures.invoice(customer, asOf.minusDays(40), asOf.minusDays(20), "7.00", "USD", lineB);
        Caller caller = seeing(area);

        assertThat(aging.report(asOf, AgingGrouping.PRODUCT_LINE, caller).rows())
                .extracting(AgingRow::key, AgingRow::currency, AgingRow::total)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(lineA, "CNY", new BigDecimal("10.00")),
                        org.assertj.core.groups.Tuple.tuple(lineB, "CNY", new BigDecimal("20.00")),
                        org.assertj.core.groups.Tuple.tuple(lineB, "USD", new BigDecimal("7.00")));
        assertThat(aging.report(asOf, AgingGrouping.SALES_REP, caller).rows())
                .extracting(AgingRow::key, AgingRow::currency, AgingRow::total)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(rep, "CNY", new BigDecimal("30.00")),
                        org.assertj.core.groups.Tuple.tuple(rep, "USD", new BigDecimal("7.00")));
        AgingReport byGroup = aging.report(asOf, AgingGrouping.BUSINESS_GROUP, caller);
        assertThat(byGroup.rows()).extracting(AgingRow::key).containsOnly("VALUE_ADDED");
        assertThat(byGroup.totals())
                .extracting(AgingRow::currency, AgingRow::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CNY", new BigDecimal("30.00")),
                        org.assertj.core.groups.Tuple.tuple("USD", new BigDecimal("7.00")));
    }

    @Test
    void area_scoped_callers_see_only_their_areas_on_the_aging_endpoint() {
        String mine = fixtures.area();
        String other = fixtures.area();
        LocalDate asOf = LocalDate.of(2029, 9, 1);
        fixtures.invoice(fixtures.customer(mine), asOf.minusDays(20), asOf.minusDays(3), "11.00");
        fixtures.invoice(fixtures.customer(other), asOf.minusDays(20), asOf.minusDays(3), "22.00");

        MvcTestResult scoped = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=area", asOf)
                .with(TestUsers.user(jdbc, Role.SALES_MANAGER, mine))
                .exchange();
        assertThat(scoped).hasStatusOk();
        assertThat(scoped).bodyJson().extractingPath("$.rows[*].key").asArray().containsExactly(mine);
        assertThat(scoped).bodyJson().extractingPath("$.rows[0].amounts.1-15").isEqualTo(11.00);
        assertThat(scoped).bodyJson().extractingPath("$.groupBy").isEqualTo("area");

        MvcTestResult all = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=area", asOf)
                .with(TestUsers.admin())
                .exchange();
        assertThat(all).bodyJson().extractingPath("$.rows[*].key").asArray().contains(mine, other);
    }

    @Test
    void an_unknown_grouping_or_format_is_a_malformed_request_naming_the_field() {
        assertThat(mvc.get().uri("/api/v1/reports/aging?groupBy=planet").with(TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("groupBy");
        assertThat(mvc.get().uri("/api/v1/reports/aging?format=pdf").with(TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("format");
    }

    @Test
    void the_json_by_customer_written_row_by_row_is_the_report_as_the_api_serialises_it() throws Exception {
        String area = fixtures.area();
        LocalDate asOf = LocalDate.of(2029, 9, 1);
        for (int c = 0; c < 3; c++) {
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, asOf.minusDays(50), asOf.minusDays(20 * c), (10 + c) + ".25");
            fixtures.invoice(customer, asOf.minusDays(10), asOf.plusDays(20), "3.00", "USD", null);
        }

        MvcTestResult answer = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer", asOf)
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange();

        assertThat(answer).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        AgingReport report = aging.report(asOf, AgingGrouping.CUSTOMER, seeing(area));
        assertThat(report.rows()).hasSize(6);
        assertThat(json.readTree(answer.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .isEqualTo(json.readTree(json.writeValueAsString(report)));
    }

    @Test
    void the_json_report_pages_its_rows_in_order_with_the_count_and_the_totals_of_all() throws Exception {
        String area = fixtures.area();
        LocalDate asOf = LocalDate.of(2029, 8, 1);
        for (int c = 0; c < 5; c++) {
            fixtures.invoice(fixtures.customer(area), asOf.minusDays(40), asOf.minusDays(10 * c), (20 + c) + ".00");
        }
        AgingReport all = aging.report(asOf, AgingGrouping.CUSTOMER, seeing(area));
        assertThat(all.rows()).hasSize(5);

        List<AgingRow> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            MvcTestResult answer = mvc.get()
                    .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer&page={page}&size=2", asOf, page)
                    .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                    .exchange();
            assertThat(answer).hasStatusOk().hasHeader(MonitoringController.TOTAL_COUNT, "5");
            AgingReport report =
                    json.readValue(answer.getResponse().getContentAsString(StandardCharsets.UTF_8), AgingReport.class);
            assertThat(report.totals()).isEqualTo(all.totals());
            paged.addAll(report.rows());
        }
        assertThat(paged).isEqualTo(all.rows());
        assertThat(mvc.get()
                        .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer&size=0", asOf)
                        .with(TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void exports_neutralise_formulas_in_csv_and_xlsx() throws Exception {
        String area = fixtures.area();
        LocalDate asOf = LocalDate.of(2029, 10, 1);
        String customer = fixtures.customer(area, "=HYPERLINK(\"http://evil\",\"pay\")", null, "VOLUME");
        fixtures.invoice(customer, asOf.minusDays(20), asOf.minusDays(5), "12.50");
        String plain = fixtures.customer(area, "@SUM(1+1)", null, "VOLUME");
        fixtures.invoice(plain, asOf.minusDays(20), asOf.plusDays(5), "1.00");

        MvcTestResult csv = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer", asOf)
                .accept(MediaType.parseMediaType("text/csv"))
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"pay\"\")\"")
                .contains("\"'@SUM(1+1)\"")
                .doesNotContain(",\"=HYPERLINK")
                .contains("12.50");
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("\"customer\",\"name\",\"currency\",\"Current\"");

        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer&format=xlsx", asOf)
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange();
        assertThat(xlsx)
                .hasStatusOk()
                .hasContentTypeCompatibleWith(MonitoringController.XLSX)
                .hasHeader("Content-Disposition", "attachment; filename=\"aging-customer-" + asOf + ".xlsx\"");
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Map<String, Row> byCustomer = rows.stream()
                    .filter(r -> r.getCellCount() > 1)
                    .collect(Collectors.toMap(r -> r.getCellText(0), r -> r, (a, b) -> a));
            assertThat(byCustomer.get(customer).getCellText(1)).isEqualTo("'=HYPERLINK(\"http://evil\",\"pay\")");
            assertThat(byCustomer.get(plain).getCellText(1)).isEqualTo("'@SUM(1+1)");
            assertThat(byCustomer.get(customer).getCellAsNumber(4).orElseThrow())
                    .isEqualByComparingTo("12.50");
        }
    }

    @Test
    void exports_show_the_disputed_amount_apart_like_the_page() throws Exception {
        String area = fixtures.area();
        LocalDate asOf = LocalDate.of(2029, 11, 1);
        String customer = fixtures.customer(area);
        String invoice = fixtures.invoice(customer, asOf.minusDays(20), asOf.minusDays(5), "12.50");
        jdbc.sql("""
                        INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, created_by)
                        SELECT i.customer_id, i.id, 'PRICE', 5.00, :raisedOn, 'test' FROM invoice i
                        WHERE i.invoice_no = :invoiceNo""")
                .param("raisedOn", asOf.minusDays(3))
                .param("invoiceNo", invoice)
                .update();

        String csv = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer", asOf)
                .accept(MediaType.parseMediaType("text/csv"))
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("\"total\",\"disputed\"");
        assertThat(csv.lines().filter(l -> l.startsWith("\"" + customer + "\"")))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",12.50,5.00"));
        assertThat(csv.lines().filter(l -> l.startsWith("\"TOTAL\"")))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",12.50,5.00"));

        MvcTestResult xlsx = mvc.get()
                .uri("/api/v1/reports/aging?asOf={asOf}&groupBy=customer&format=xlsx", asOf)
                .with(TestUsers.user(jdbc, Role.SALES_REP, area))
                .exchange();
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            int last = rows.getFirst().getCellCount() - 1;
            assertThat(rows.getFirst().getCellText(last)).isEqualTo("disputed");
            Row row = rows.stream()
                    .filter(r -> r.getCellText(0).equals(customer))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.getCellAsNumber(last).orElseThrow()).isEqualByComparingTo("5.00");
            assertThat(row.getCellAsNumber(last - 1).orElseThrow()).isEqualByComparingTo("12.50");
        }
    }

    @Test
    void the_twelve_month_trend_agrees_with_the_report_at_each_month_end() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        LocalDate asOf = LocalDate.of(2030, 3, 15);
        for (int m = 0; m < 14; m++) {
            LocalDate issued = asOf.minusMonths(m + 1).withDayOfMonth(3);
            String invoice = fixtures.invoice(customer, issued, issued.plusDays(30), (100 + m) + ".00");
            if (m % 3 == 0) fixtures.pay(customer, issued.plusDays(45), "50.00", invoice);
        }
        Caller caller = seeing(area);

        AgingTrend trend = aging.trend(asOf, caller);

        assertThat(trend.dates()).hasSize(Aging.TREND_MONTHS).endsWith(asOf);
        for (int i = 0; i < trend.dates().size(); i++) {
            LocalDate date = trend.dates().get(i);
            Map<String, BigDecimal> expected = aging.report(date, AgingGrouping.AREA, caller).rows().stream()
                    .filter(r -> r.currency().equals(trend.currency()))
                    .findFirst()
                    .map(AgingRow::amounts)
                    .orElse(Map.of());
            for (String bucket : trend.amounts().keySet()) {
                assertThat(trend.amounts().get(bucket).get(i))
                        .as("%s on %s", bucket, date)
                        .isEqualByComparingTo(expected.getOrDefault(bucket, BigDecimal.ZERO));
            }
        }
    }

    private Map<String, BigDecimal> bucketsOf(LocalDate asOf, String area) {
        AgingReport report = aging.report(asOf, AgingGrouping.AREA, seeing(area));
        assertThat(report.rows()).hasSizeLessThanOrEqualTo(1);
        return report.rows().isEmpty()
                ? Map.of()
                : report.rows().getFirst().amounts().entrySet().stream()
                        .filter(e -> e.getValue().signum() != 0)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> nonZeroBuckets(AgingRow row) {
        return row.amounts().entrySet().stream()
                .filter(e -> e.getValue().signum() != 0)
                .map(Map.Entry::getKey)
                .toList();
    }
}
