package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditdesk.TestMail;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run keeps its aging as the date's snapshot; reports and trends read snapshots where they
 * exist and compute the rest live. Runs are dated in the mid-1980s, before the era of
 * {@link DailyRunIntegrationTests}, and every invoice is settled after its test, so those later runs
 * find nothing of these tests overdue.
 */
@SpringBootTest
class AgingSnapshotIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    DailyRunRepository runs;

    @Autowired
    Aging aging;

    @Autowired
    AgingRepository agingRepository;

    @Autowired
    AgingTodayRepository todays;

    @Autowired
    Customers customerFacade;

    @Autowired
    PlatformTransactionManager transactions;

    private static final AtomicInteger RUNS = new AtomicInteger();

    MonitoringFixtures fixtures;
    final List<String> customers = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    /** Settles what the test left open, the day after its dates, so no later run finds it overdue. */
    @AfterEach
    void settle() {
        for (String customer : customers) {
            List<String[]> open = jdbc.sql("""
                            SELECT i.invoice_no, i.open_amount FROM collections_open_invoice i
                            JOIN customer c ON c.id = i.customer_id
                            WHERE c.code = ? AND i.due_date < DATE '1990-01-01'
                            """)
                    .param(customer)
                    .query((rs, n) ->
                            new String[] {rs.getString(1), rs.getBigDecimal(2).toPlainString()})
                    .list();
            for (String[] invoice : open) {
                fixtures.pay(customer, LocalDate.of(1989, 12, 31), invoice[1], invoice[0]);
            }
        }
    }

    private static LocalDate nextDate() {
        return LocalDate.of(1984, 1, 1).plusDays(150L * RUNS.incrementAndGet());
    }

    private String customer(String area) {
        String customer = fixtures.customer(area);
        customers.add(customer);
        return customer;
    }

    @Test
    void the_run_keeps_its_aging_as_the_dates_snapshot_and_a_rerun_replaces_it_without_doubling() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        String customer = customer(area);
        fixtures.invoice(customer, asOf.minusDays(50), asOf.minusDays(20), "300.00");
        fixtures.invoice(customer, asOf.minusDays(5), asOf.plusDays(25), "120.00");

        dailyRun.run(asOf, Caller.SYSTEM);
        List<String> first = snapshotRows(customer, asOf);
        dailyRun.run(asOf, Caller.SYSTEM);

        assertThat(snapshotRows(customer, asOf))
                .isEqualTo(first)
                .containsExactlyInAnyOrder("current 1 120.00", "16-30 1 300.00");
    }

    @Test
    void a_report_of_a_snapshot_date_reads_the_snapshot_with_the_live_figures_and_other_dates_compute_live() {
        LocalDate asOf = nextDate();
        String area = fixtures.area();
        String customer = customer(area);
        String invoice = fixtures.invoice(customer, asOf.minusDays(80), asOf.minusDays(45), "500.00");
        fixtures.pay(customer, asOf.minusDays(10), "125.00", invoice);
        fixtures.invoice(customer, asOf.minusDays(3), asOf.plusDays(27), "80.00");
        dailyRun.run(asOf, Caller.SYSTEM);
        Caller caller = seeing(area);

        AgingReport snapshot = aging.report(asOf, AgingGrouping.AREA, caller);
        AgingReport live = aging.report(asOf, AgingGrouping.PRODUCT_LINE, caller);
        AgingReport dayAfter = aging.report(asOf.plusDays(1), AgingGrouping.AREA, caller);

        assertThat(snapshot.source()).isEqualTo(AgingReport.Source.SNAPSHOT);
        assertThat(live.source()).as("snapshots keep no product line").isEqualTo(AgingReport.Source.LIVE);
        assertThat(dayAfter.source()).as("no run on that date").isEqualTo(AgingReport.Source.LIVE);
        assertThat(amounts(snapshot)).isEqualTo(amounts(live)).containsEntry("31-60", new BigDecimal("375.00"));
        assertThat(snapshot.totals().getFirst().total()).isEqualByComparingTo("455.00");
    }

    @Test
    void the_trend_reads_a_month_from_its_last_snapshot_and_computes_months_without_one_live() {
        LocalDate base = nextDate();
        String area = fixtures.area();
        String customer = customer(area);
        fixtures.invoice(customer, base.minusDays(90), base.minusDays(60), "700.00");
        LocalDate lastRunOfMonth = base.with(TemporalAdjusters.lastDayOfMonth()).minusDays(1);
        dailyRun.run(base.with(TemporalAdjusters.firstDayOfMonth()), Caller.SYSTEM);
        dailyRun.run(lastRunOfMonth, Caller.SYSTEM);
        LocalDate asOf = lastRunOfMonth.plusDays(10);
        Caller caller = seeing(area);

        AgingTrend trend = aging.trend(asOf, caller);

        assertThat(trend.dates())
                .hasSize(Aging.TREND_MONTHS)
                .contains(lastRunOfMonth)
                .endsWith(asOf);
        assertThat(trend.computedLive()).contains(asOf).doesNotContain(lastRunOfMonth);
        for (int i = 0; i < trend.dates().size(); i++) {
            LocalDate date = trend.dates().get(i);
            Map<String, BigDecimal> expected = amounts(aging.report(date, AgingGrouping.PRODUCT_LINE, caller));
            for (String bucket : trend.amounts().keySet()) {
                assertThat(trend.amounts().get(bucket).get(i))
                        .as("%s on %s", bucket, date)
                        .isEqualByComparingTo(expected.getOrDefault(bucket, BigDecimal.ZERO));
            }
        }
    }

    @Test
    void a_customers_trend_reads_the_months_with_a_snapshot_from_it_and_computes_the_others_live() {
        LocalDate base = nextDate();
        String area = fixtures.area();
        String code = customer(area);
        LocalDate lastRunOfMonth = base.with(TemporalAdjusters.lastDayOfMonth()).minusDays(1);
        String invoice = fixtures.invoice(code, lastRunOfMonth.minusDays(80), lastRunOfMonth.minusDays(45), "700.00");
        fixtures.invoice(code, lastRunOfMonth.minusDays(10), lastRunOfMonth.plusDays(20), "40.00");
        dailyRun.run(lastRunOfMonth, Caller.SYSTEM);
        fixtures.pay(code, lastRunOfMonth.plusDays(3), "200.00", invoice);
        LocalDate asOf = lastRunOfMonth.plusDays(10);
        CustomerRef customer = customerFacade.require(code, Caller.SYSTEM);

        AgingTrend trend = aging.customerTrend(customer, asOf);

        assertThat(trend.dates())
                .hasSize(Aging.TREND_MONTHS)
                .contains(lastRunOfMonth)
                .endsWith(asOf);
        assertThat(trend.computedLive()).contains(asOf).doesNotContain(lastRunOfMonth);
        int run = trend.dates().indexOf(lastRunOfMonth);
        assertThat(trend.amounts().get("31-60").get(run)).isEqualByComparingTo("700.00");
        assertThat(trend.amounts().get("current").get(run)).isEqualByComparingTo("40.00");
        int today = trend.dates().indexOf(asOf);
        assertThat(trend.amounts().get("31-60").get(today))
                .as("the payment after the run shows in the live point")
                .isEqualByComparingTo("500.00");
        for (int i = 0; i < trend.dates().size(); i++) {
            LocalDate date = trend.dates().get(i);
            Map<String, BigDecimal> live = new java.util.HashMap<>();
            agingRepository
                    .customerAging(customer.id(), customer.currency(), List.of(date))
                    .forEach(c -> live.put(c.bucket(), c.amount()));
            for (String bucket : trend.amounts().keySet()) {
                assertThat(trend.amounts().get(bucket).get(i))
                        .as("%s on %s equals the live figure", bucket, date)
                        .isEqualByComparingTo(live.getOrDefault(bucket, BigDecimal.ZERO));
            }
        }
    }

    @Test
    void retention_keeps_every_date_of_the_daily_window_and_the_last_of_each_month_within_the_long_one() {
        AgingSnapshotRepository snapshots =
                new AgingSnapshotRepository(jdbc, new AgingSnapshotRepository.Retention(30, 1), todays);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<LocalDate> kept = List.of(
                LocalDate.of(1980, 1, 10),
                LocalDate.of(1980, 1, 25),
                LocalDate.of(1980, 2, 5),
                LocalDate.of(1980, 2, 20),
                LocalDate.of(1980, 3, 15),
                LocalDate.of(1981, 2, 10),
                LocalDate.of(1981, 2, 11),
                LocalDate.of(1981, 3, 1));
        for (LocalDate date : kept) {
            transaction.executeWithoutResult(status -> {
                runs.fillAging(date);
                snapshots.keep(date, LocalDate.of(2026, 12, 6));
            });
        }

        assertThat(snapshots.dates())
                .filteredOn(d -> d.getYear() < 1983)
                .as(
                        "Jan/Feb 1980 are older than a year; 15 Mar 1980 is the last of its month; 1981 is in the daily window")
                .containsExactly(
                        LocalDate.of(1980, 3, 15),
                        LocalDate.of(1981, 2, 10),
                        LocalDate.of(1981, 2, 11),
                        LocalDate.of(1981, 3, 1));
        transaction.executeWithoutResult(status -> {
            runs.fillAging(LocalDate.of(2199, 1, 1));
            snapshots.keep(LocalDate.of(2199, 1, 1), LocalDate.of(1981, 3, 1));
            snapshots.forgetAfter(LocalDate.of(2198, 12, 31));
        });
        assertThat(snapshots.dates())
                .filteredOn(d -> d.getYear() < 1983)
                .as("a run far in the future prunes from today, not from its own date")
                .hasSize(4);
        assertThat(snapshots.dates())
                .as("a reset forgets the snapshots after its date")
                .doesNotContain(LocalDate.of(2199, 1, 1));
        assertThat(jdbc.sql("SELECT count(*) FROM aging_snapshot WHERE as_of < DATE '1980-03-01'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_aging_from_current_open_amounts_equals_the_replayed_history_on_a_date_after_the_last_settlement() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        String other = fixtures.customer(area);
        LocalDate issued = LocalDate.of(2199, 6, 1);
        String partly = fixtures.invoice(customer, issued, issued.plusDays(30), "900.00");
        String settled = fixtures.invoice(customer, issued.plusDays(2), issued.plusDays(20), "60.00");
        fixtures.invoice(other, issued.plusDays(100), issued.plusDays(130), "45.50");
        fixtures.pay(customer, issued.plusDays(40), "350.00", partly);
        fixtures.pay(customer, issued.plusDays(41), "60.00", settled);
        LocalDate asOf = issued.plusDays(120);
        String[] areas = {area};

        assertThat(agingRepository.openAmountsHold(asOf)).isTrue();
        for (AgingGrouping grouping : AgingGrouping.values()) {
            assertThat(agingRepository.agingFromOpenAmounts(asOf, grouping, areas))
                    .as(grouping.name())
                    .containsExactlyInAnyOrderElementsOf(agingRepository.aging(List.of(asOf), grouping, areas))
                    .isNotEmpty();
        }
        assertThat(agingRepository.openAmountsHold(issued.plusDays(40)))
                .as("a payment was allocated after that date")
                .isFalse();
    }

    private List<String> snapshotRows(String customer, LocalDate asOf) {
        return jdbc.sql("""
                        SELECT s.bucket || ' ' || s.invoices || ' ' || s.open_amount
                        FROM aging_snapshot s JOIN customer c ON c.id = s.customer_id
                        WHERE c.code = ? AND s.as_of = ?
                        ORDER BY s.bucket
                        """).params(customer, asOf).query(String.class).list();
    }

    /** Bucket totals of the report's first currency: the same whatever the grouping. */
    private static Map<String, BigDecimal> amounts(AgingReport report) {
        return report.totals().isEmpty() ? Map.of() : report.totals().getFirst().amounts();
    }

    private static Caller seeing(String area) {
        return Caller.forUser("snapshot-collector", Set.of(Role.COLLECTOR), Set.of(area));
    }
}
