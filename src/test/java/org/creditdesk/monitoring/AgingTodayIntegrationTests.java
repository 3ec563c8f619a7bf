package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditdesk.TestMail;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueCreditNote;
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
 * Today's aging as stored by today's daily run plus the customers touched since equals the live computation, by
 * every grouping, whatever happens after the store (V133, AgingTodayRepository); and the snapshots' rollups the
 * trend reads are written with the snapshot, rerun-safe. "Today" here is {@link #TODAY}, a date after every other
 * test's settlements (so the open-amount rule applies); the settlements of these tests are moved back to 1900
 * afterwards so that later tests' "after the last settlement" dates stay so.
 */
@SpringBootTest
class AgingTodayIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    static final LocalDate TODAY = LocalDate.of(2295, 6, 30);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    AgingTodayRepository todays;

    @Autowired
    AgingSnapshotRepository snapshots;

    @Autowired
    AgingRepository agingRepository;

    @Autowired
    DailyRunRepository runs;

    @Autowired
    Aging aging;

    @Autowired
    PlatformTransactionManager transactions;

    MonitoringFixtures fixtures;
    final List<String> customers = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    @AfterEach
    void moveSettlementsBack() {
        if (customers.isEmpty()) return;
        fixtures.moveSettlementsBack(customers);
        jdbc.sql("UPDATE aging_today_state SET as_of = NULL").update();
    }

    private void store() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> todays.store(TODAY));
    }

    @Test
    void stored_aging_plus_the_touched_customers_equals_the_live_aging_by_every_grouping_after_random_changes() {
        long seed = Long.getLong("aging.seed", System.nanoTime());
        System.out.println("AgingTodayIntegrationTests seed: " + seed);
        Random random = new Random(seed);
        List<String> areas = List.of(fixtures.area(), fixtures.area(), fixtures.area());
        List<String> reps = List.of(MonitoringFixtures.unique("SR"), MonitoringFixtures.unique("SR"));
        List<String> lines = List.of(productLine(), productLine());
        List<String> invoices = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String area = areas.get(random.nextInt(areas.size()));
            String rep = random.nextBoolean() ? reps.get(random.nextInt(reps.size())) : null;
            String customer =
                    fixtures.customer(area, "Today " + c, rep, random.nextBoolean() ? "VOLUME" : "VALUE_ADDED");
            customers.add(customer);
            for (int n = 0; n < 4; n++) invoices.add(invoice(random, customer, lines));
        }
        String[] scope = areas.toArray(String[]::new);
        store();
        assertThat(todays.state().orElseThrow().serves(TODAY)).isTrue();
        assertEqualsLive("right after the store", scope);

        int foldedTotal = 0;
        for (int step = 0; step < 30; step++) {
            String invoiceNo = invoices.get(random.nextInt(invoices.size()));
            String customer = customerOf(invoiceNo);
            String what;
            switch (random.nextInt(8)) {
                case 0 -> {
                    BigDecimal open = openAmount(invoiceNo);
                    if (open.signum() == 0) continue;
                    BigDecimal part = random.nextBoolean() ? open : part(random, open);
                    fixtures.pay(customer, TODAY, part.toPlainString(), invoiceNo);
                    what = "payment of " + part + " on " + invoiceNo;
                }
                case 1 -> {
                    invoices.add(invoice(random, customer, lines));
                    what = "new invoice for " + customer;
                }
                case 2 -> {
                    BigDecimal open = openAmount(invoiceNo);
                    if (open.signum() == 0) continue;
                    BigDecimal part = part(random, open);
                    ledger.issueCreditNote(
                            new IssueCreditNote(
                                    MonitoringFixtures.unique("CN"),
                                    customer,
                                    invoiceNo,
                                    TODAY,
                                    part,
                                    "price correction",
                                    "CNY"),
                            Caller.SYSTEM);
                    what = "credit note of " + part + " on " + invoiceNo;
                }
                case 3 -> {
                    BigDecimal amount = part(random, invoiceAmount(invoiceNo));
                    jdbc.sql("""
                                    INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on,
                                                                 created_by)
                                    SELECT customer_id, id, 'PRICE', :amount, :raisedOn, 'test' FROM invoice
                                    WHERE invoice_no = :invoiceNo
                                    """)
                            .param("amount", amount)
                            .param("raisedOn", TODAY.minusDays(random.nextInt(3)))
                            .param("invoiceNo", invoiceNo)
                            .update();
                    what = "dispute of " + amount + " on " + invoiceNo;
                }
                case 4 -> {
                    jdbc.sql("""
                                    UPDATE invoice_dispute SET status = 'RESOLVED', outcome = 'REJECTED',
                                           resolved_on = :on
                                    WHERE id = (SELECT min(d.id) FROM invoice_dispute d JOIN customer c
                                                ON c.id = d.customer_id WHERE c.code = :customer
                                                AND d.resolved_on IS NULL)
                                    """).param("on", TODAY).param("customer", customer).update();
                    what = "a dispute of " + customer + " resolved";
                }
                case 5 -> {
                    String area = areas.get(random.nextInt(areas.size()));
                    String rep = random.nextBoolean() ? null : reps.get(random.nextInt(reps.size()));
                    jdbc.sql("""
                                    INSERT INTO sales_rep (code, name, area_code) VALUES (:rep, :rep, :area)
                                    ON CONFLICT DO NOTHING
                                    """)
                            .param("rep", reps.getFirst())
                            .param("area", area)
                            .update();
                    jdbc.sql("INSERT INTO sales_rep (code, name) VALUES (:rep, :rep) ON CONFLICT DO NOTHING")
                            .param("rep", reps.getLast())
                            .update();
                    jdbc.sql("""
                                    UPDATE customer SET area_code = :area, sales_rep = :rep,
                                           business_group = CASE business_group WHEN 'VOLUME' THEN 'VALUE_ADDED'
                                                                                ELSE 'VOLUME' END
                                    WHERE code = :customer
                                    """)
                            .param("area", area)
                            .param("rep", rep)
                            .param("customer", customer)
                            .update();
                    what = customer + " moved to " + area + " / " + rep;
                }
                case 6 -> {
                    jdbc.sql("UPDATE customer SET name = name || ' renamed' WHERE code = :customer")
                            .param("customer", customer)
                            .update();
                    what = customer + " renamed";
                }
                default -> {
                    String paymentNo = jdbc.sql("""
                                    SELECT p.payment_no FROM payment p JOIN customer c ON c.id = p.customer_id
                                    WHERE c.code = :customer
                                      AND EXISTS (SELECT 1 FROM allocation a WHERE a.payment_id = p.id
                                                  AND a.reversed_on IS NULL)
                                    ORDER BY p.id LIMIT 1
                                    """)
                            .param("customer", customer)
                            .query(String.class)
                            .optional()
                            .orElse(null);
                    if (paymentNo == null) continue;
                    fixtures.reverse(paymentNo, TODAY);
                    what = "payment " + paymentNo + " bounced";
                }
            }
            switch (random.nextInt(6)) {
                case 0 -> {
                    store();
                    what += ", then stored again";
                }
                case 1, 2 -> {
                    int folded = new TransactionTemplate(transactions).execute(status -> todays.fold(TODAY));
                    assertThat(todays.state().orElseThrow().touched())
                            .as("a fold empties the log")
                            .isZero();
                    foldedTotal += folded;
                    what += ", then " + folded + " customer(s) folded";
                }
                default -> {}
            }
            assertEqualsLive("after step " + step + " (" + what + ", seed " + seed + ")", scope);
        }
        assertThat(foldedTotal)
                .as("folds replaced touched customers' rows (seed %s)", seed)
                .isPositive();
    }

    @Test
    void the_store_is_rerun_safe_and_a_reset_before_its_date_sends_today_back_to_the_live_computation() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        customers.add(customer);
        fixtures.invoice(customer, TODAY.minusDays(70), TODAY.minusDays(40), "250.00");
        String[] scope = {area};
        store();
        List<AgingRepository.Cell> first = todays.aging(TODAY, AgingGrouping.AREA, scope);
        store();

        assertThat(todays.aging(TODAY, AgingGrouping.AREA, scope))
                .isEqualTo(first)
                .extracting(AgingRepository.Cell::amount)
                .containsExactly(new BigDecimal("250.00"));
        assertThat(aging.storedCustomerPage(TODAY, agingRepository.buckets(), scope, 0, 50))
                .as("by customer: one row, not doubled by the second store")
                .satisfies(page -> assertThat(page.total()).isOne())
                .extracting(Page::items)
                .satisfies(rows -> assertThat(rows)
                        .singleElement()
                        .satisfies(row -> assertThat(row.total()).isEqualTo(new BigDecimal("250.00"))));
        new TransactionTemplate(transactions).executeWithoutResult(status -> snapshots.forgetAfter(TODAY.minusDays(1)));
        assertThat(todays.state().orElseThrow().serves(TODAY)).isFalse();
    }

    @Test
    void today_computes_live_when_todays_run_stored_no_aging_of_today() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        customers.add(customer);
        fixtures.invoice(customer, TODAY.minusDays(10), TODAY.plusDays(20), "75.00");
        store();
        Caller caller = MonitoringFixtures.caller("today-collector", org.creditdesk.identity.Role.COLLECTOR, area);

        assertThat(aging.storedToday(TODAY))
                .as("the store is of %s, not of today", TODAY)
                .isEmpty();
        assertThat(aging.report(TODAY, AgingGrouping.AREA, caller).source()).isEqualTo(AgingReport.Source.LIVE);
        assertThat(aging.report(null, AgingGrouping.AREA, caller).source()).isEqualTo(AgingReport.Source.LIVE);
    }

    @Test
    void the_page_computed_live_in_one_pass_shows_what_the_report_and_trend_compute_separately() {
        Random random = new Random(7);
        List<String> areas = List.of(fixtures.area(), fixtures.area());
        List<String> lines = List.of(productLine(), productLine());
        for (int c = 0; c < 5; c++) {
            String customer = fixtures.customer(
                    areas.get(c % 2), "Page " + c, c % 2 == 0 ? MonitoringFixtures.unique("SR") : null, "VOLUME");
            customers.add(customer);
            for (int n = 0; n < 3; n++) invoice(random, customer, lines);
        }
        Caller caller = MonitoringFixtures.caller(
                "page-manager", org.creditdesk.identity.Role.COLLECTOR, areas.toArray(String[]::new));

        for (AgingGrouping grouping : AgingGrouping.values()) {
            Aging.AgingPage page = aging.page(TODAY, grouping, 0, 10_000, caller);
            assertThat(page.report()).as(grouping.name()).isEqualTo(aging.report(TODAY, grouping, caller));
            assertThat(page.report().rows()).as(grouping.name()).isNotEmpty();
            assertThat(page.byArea()).isEqualTo(aging.report(TODAY, AgingGrouping.AREA, caller));
            assertThat(page.trend()).isEqualTo(aging.trend(TODAY, caller));
        }
    }

    @Test
    void the_snapshot_keeps_its_rollup_per_area_and_a_rerun_replaces_it_without_doubling() {
        LocalDate asOf = LocalDate.of(2298, 3, 31);
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        String other = fixtures.customer(area, "Other", null, "VALUE_ADDED");
        customers.add(customer);
        customers.add(other);
        fixtures.invoice(customer, asOf.minusDays(50), asOf.minusDays(20), "300.00");
        fixtures.invoice(customer, asOf.minusDays(5), asOf.plusDays(25), "120.00");
        fixtures.invoice(other, asOf.minusDays(40), asOf.minusDays(25), "80.00");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int run = 0; run < 2; run++) {
            transaction.executeWithoutResult(status -> {
                runs.fillAging(asOf);
                snapshots.keep(asOf, LocalDate.of(2026, 12, 6));
            });
        }

        assertThat(jdbc.sql("""
                                SELECT business_group || ' ' || bucket || ' ' || customers || ' ' || invoices || ' '
                                       || open_amount
                                FROM aging_snapshot_rollup WHERE as_of = :asOf AND area_code = :area
                                ORDER BY 1
                                """)
                        .param("asOf", asOf)
                        .param("area", area)
                        .query(String.class)
                        .list())
                .containsExactly("VALUE_ADDED 16-30 1 1 80.00", "VOLUME 16-30 1 1 300.00", "VOLUME current 1 1 120.00");
        List<AgingSnapshotRepository.TrendCell> trend = snapshots.trend(List.of(asOf), new String[] {area});
        assertThat(trend)
                .extracting(AgingSnapshotRepository.TrendCell::bucket, AgingSnapshotRepository.TrendCell::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("16-30", new BigDecimal("380.00")),
                        org.assertj.core.groups.Tuple.tuple("current", new BigDecimal("120.00")));
        transaction.executeWithoutResult(status -> snapshots.forgetAfter(asOf.minusDays(1)));
        assertThat(jdbc.sql("SELECT count(*) FROM aging_snapshot_rollup WHERE as_of = :asOf")
                        .param("asOf", asOf)
                        .query(Integer.class)
                        .single())
                .as("a reset forgets the rollups with the snapshots")
                .isZero();
    }

    /**
     * The store's answer equals both live statements (open amounts, replayed history), in the scope and overall; by
     * customer, the rows read in code order from the per-customer store (whole, and page by page) equal the report
     * assembled from the live cells.
     */
    private void assertEqualsLive(String when, String[] scope) {
        AgingBuckets buckets = agingRepository.buckets();
        for (String[] areas : List.of(scope, new String[0])) {
            AgingReport live = Aging.assemble(
                    TODAY,
                    AgingGrouping.CUSTOMER,
                    buckets,
                    agingRepository.agingFromOpenAmounts(TODAY, AgingGrouping.CUSTOMER, areas),
                    AgingReport.Source.STORED_TODAY);
            assertThat(aging.storedCustomerReport(TODAY, buckets, areas))
                    .as("%s by customer (%d areas): the stored rows in code order = live", when, areas.length)
                    .isEqualTo(live);
            if (areas.length == 0) continue;
            for (int size : new int[] {1, 3, 50}) {
                List<AgingRow> paged = new ArrayList<>();
                for (int page = 0; ; page++) {
                    Page<AgingRow> rows = aging.storedCustomerPage(TODAY, buckets, areas, page, size);
                    assertThat(rows.total())
                            .as("%s: the count with page %d of %d", when, page, size)
                            .isEqualTo(live.rows().size());
                    if (rows.items().isEmpty()) break;
                    assertThat(rows.items().size()).isLessThanOrEqualTo(size);
                    paged.addAll(rows.items());
                }
                assertThat(paged)
                        .as("%s: pages of %d one after another = every row in code order", when, size)
                        .isEqualTo(live.rows());
            }
        }
        for (AgingGrouping grouping : AgingGrouping.values()) {
            if (grouping == AgingGrouping.CUSTOMER) continue;
            List<AgingRepository.Cell> stored = todays.aging(TODAY, grouping, scope);
            assertThat(todays.agingWithAreas(TODAY, grouping, scope))
                    .as("%s by %s: the page's one statement = the grouping's and the areas' statements", when, grouping)
                    .isEqualTo(new AgingRepository.PageCells(stored, todays.aging(TODAY, AgingGrouping.AREA, scope)));
            assertThat(stored)
                    .as("%s by %s: stored + replayed = live from open amounts", when, grouping)
                    .isEqualTo(agingRepository.agingFromOpenAmounts(TODAY, grouping, scope))
                    .as("%s by %s: = the replayed history", when, grouping)
                    .isEqualTo(agingRepository.aging(List.of(TODAY), grouping, scope));
        }
        assertThat(todays.aging(TODAY, AgingGrouping.AREA, new String[0]))
                .as("%s, every area", when)
                .isEqualTo(agingRepository.agingFromOpenAmounts(TODAY, AgingGrouping.AREA, new String[0]));
    }

    private String invoice(Random random, String customer, List<String> lines) {
        LocalDate issued = TODAY.minusDays(random.nextInt(200));
        LocalDate due = issued.plusDays(random.nextInt(60));
        String amount = BigDecimal.valueOf(100 + random.nextInt(90_000), 2).toPlainString();
        String line = random.nextInt(3) == 0 ? null : lines.get(random.nextInt(lines.size()));
        return fixtures.invoice(customer, issued, due, amount, "CNY", line);
    }

    private static BigDecimal part(Random random, BigDecimal amount) {
        BigDecimal part = amount.multiply(BigDecimal.valueOf(1 + random.nextInt(90)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return part.signum() > 0 ? part : amount;
    }

    private String productLine() {
        String code = MonitoringFixtures.unique("PL");
        jdbc.sql("INSERT INTO product_line (code, name) VALUES (:code, :name)")
                .param("code", code)
                .param("name", "Line " + code)
                .update();
        return code;
    }

    private BigDecimal openAmount(String invoiceNo) {
        return jdbc.sql("SELECT open_amount FROM collections_invoice WHERE invoice_no = ?")
                .param(invoiceNo)
                .query(BigDecimal.class)
                .single();
    }

    private BigDecimal invoiceAmount(String invoiceNo) {
        return jdbc.sql("SELECT amount FROM invoice WHERE invoice_no = ?")
                .param(invoiceNo)
                .query(BigDecimal.class)
                .single();
    }

    private String customerOf(String invoiceNo) {
        return jdbc.sql("SELECT c.code FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.invoice_no = ?")
                .param(invoiceNo)
                .query(String.class)
                .single();
    }
}
