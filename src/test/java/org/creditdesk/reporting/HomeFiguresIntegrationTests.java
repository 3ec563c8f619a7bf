package org.creditdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The home dashboard's tiles and DSO sales stored after a daily run (V132) are the figures it would compute
 * live, for every area filter; a rerun replaces them; the dashboard reads them and says when they were stored.
 * The set-based credit state of every customer agrees with the one customer's rule, under either dispute policy.
 */
@SpringBootTest
class HomeFiguresIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    HomeDashboard dashboard;

    @Autowired
    HomeDashboardRepository repository;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.creditdesk.credit.CreditPolicies policies;

    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String area = "HF" + x;
    private LocalDate today;

    @BeforeEach
    void customers_of_an_area_of_their_own_overdue_and_current() {
        today = calendar.today();
        jdbc.sql("INSERT INTO area (code, name) VALUES (?, ?)")
                .params(area, "Area " + area)
                .update();
        for (int i = 0; i < 4; i++) {
            String code = "HF-" + x + "-" + i;
            jdbc.sql("""
                            INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                            VALUES (?, ?, ?, 'VOLUME', 30, 'CNY')
                            """).params(code, "Home figures " + i, area).update();
            LocalDate due = today.minusDays(10L + 40L * i);
            ledger.issueInvoice(
                    new IssueInvoice(
                            code + "-INV",
                            code,
                            null,
                            due.minusDays(30),
                            due,
                            new BigDecimal("1000.00").add(BigDecimal.valueOf(i)),
                            "CNY",
                            null),
                    Caller.SYSTEM);
        }
    }

    @AfterEach
    void stored_figures_are_global_and_would_hide_other_tests_customers() {
        jdbc.sql("DELETE FROM portfolio_day WHERE as_of = ?").param(today).update();
    }

    @Test
    void stored_figures_and_sales_equal_the_live_ones_for_every_area_filter_and_a_rerun_replaces_them() {
        for (String[] areas : new String[][] {{}, {area}, {area, "NO-SUCH-AREA"}}) {
            PortfolioFigures live =
                    repository.figures(today, "CNY", policies.current().graceDays(), BigDecimal.TEN, areas);
            var liveSales = repository.sales(java.util.List.of(today), DsoPoint.WINDOW_DAYS, "CNY", areas);
            dashboard.storeAfterDailyRun(today, true);
            dashboard.storeAfterDailyRun(today, true);
            var stored = repository.storedFigures(today, "CNY", BigDecimal.TEN, areas);
            assertThat(stored).isPresent();
            assertThat(stored.get().figures())
                    .usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(live);
            assertThat(repository.sales(java.util.List.of(today), DsoPoint.WINDOW_DAYS, "CNY", areas))
                    .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(liveSales);
            jdbc.sql("DELETE FROM portfolio_day WHERE as_of = ?").param(today).update();
        }
        PortfolioFigures ofTheArea =
                repository.figures(today, "CNY", policies.current().graceDays(), BigDecimal.TEN, new String[] {area});
        assertThat(ofTheArea.customers()).isEqualTo(4);
        assertThat(ofTheArea.overdueCustomers()).isEqualTo(4);
        assertThat(ofTheArea.onHold()).isEqualTo(4);
    }

    @Test
    void an_older_date_stores_only_its_sales_and_the_dashboard_computes_its_tiles_until_todays_run() {
        Caller manager = new Caller("home-figures", Set.of(Role.CREDIT_MANAGER), Set.of(area));
        dashboard.storeAfterDailyRun(today, false);
        assertThat(dashboard.view(manager).storedAt()).isNull();

        dashboard.storeAfterDailyRun(today, true);
        HomeDashboard.View view = dashboard.view(manager);
        assertThat(view.storedAt()).isNotNull();
        assertThat(view.figures().customers()).isEqualTo(4);
        assertThat(view.figures().overdue()).isEqualByComparingTo("4006.00");
    }

    @Test
    void with_todays_tiles_stored_the_trends_last_point_is_todays_snapshot_else_computed() {
        Caller manager = new Caller("home-figures", Set.of(Role.CREDIT_MANAGER), Set.of(area));
        BigDecimal live = dashboard.view(manager).trend().getLast().receivables();
        assertThat(live).isEqualByComparingTo("4006.00");
        String bucket = jdbc.sql("SELECT code FROM aging_bucket ORDER BY position LIMIT 1")
                .query(String.class)
                .single();
        boolean dateCreated = jdbc.sql("""
                        INSERT INTO aging_snapshot_date (as_of, bucket_set)
                        VALUES (?, (SELECT string_agg(code || ':' || from_days || ':' || coalesce(to_days::text, ''), ','
                                    ORDER BY position) FROM aging_bucket))
                        ON CONFLICT (as_of) DO NOTHING
                        """).param(today).update() == 1;
        try {
            // The run's snapshot says 999.00 for one customer of the area: what the page draws once it shows the run.
            jdbc.sql("""
                            INSERT INTO aging_snapshot (as_of, customer_id, currency, bucket, invoices, open_amount)
                            SELECT ?, id, 'CNY', ?, 1, 999.00 FROM customer WHERE code = ?
                            """).params(today, bucket, "HF-" + x + "-0").update();
            // and its rollup per area and business group (V133), which the trend reads
            jdbc.sql("""
                            INSERT INTO aging_snapshot_rollup (as_of, area_code, business_group, currency, bucket,
                                                               customers, invoices, open_amount)
                            SELECT ?, area_code, business_group, 'CNY', ?, 1, 1, 999.00 FROM customer WHERE code = ?
                            """).params(today, bucket, "HF-" + x + "-0").update();
            assertThat(dashboard.view(manager).trend().getLast().receivables())
                    .as("no stored tiles yet: computed")
                    .isEqualByComparingTo(live);

            dashboard.storeAfterDailyRun(today, true);
            assertThat(dashboard.view(manager).trend().getLast().receivables()).isEqualByComparingTo("999.00");
        } finally {
            jdbc.sql(
                            "DELETE FROM aging_snapshot WHERE as_of = ? AND customer_id IN (SELECT id FROM customer WHERE area_code = ?)")
                    .params(today, area)
                    .update();
            jdbc.sql("DELETE FROM aging_snapshot_rollup WHERE as_of = ? AND area_code = ?")
                    .params(today, area)
                    .update();
            if (dateCreated)
                jdbc.sql("DELETE FROM aging_snapshot_date WHERE as_of = ?")
                        .param(today)
                        .update();
        }
    }

    @Test
    void every_customers_credit_state_set_based_agrees_with_the_one_customer_rule_under_both_dispute_policies() {
        jdbc.sql("""
                        INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, status, created_by)
                        SELECT i.customer_id, i.id, 'QUALITY', i.open_amount, ?, 'OPEN', 'test'
                        FROM collections_invoice i WHERE i.invoice_no = ?
                        """).params(today.minusDays(1), "HF-" + x + "-2-INV").update();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        for (boolean counts : new boolean[] {true, false}) {
            rolledBack.executeWithoutResult(status -> {
                jdbc.sql("UPDATE credit_policy SET disputed_counts_for_hold = ? WHERE id = 1")
                        .param(counts)
                        .update();
                long differing =
                        jdbc.sql("""
                                SELECT count(*) FROM customer c
                                JOIN customer_credit_states(?) s ON s.customer_id = c.id
                                WHERE s.state IS DISTINCT FROM customer_credit_state(c.id, ?)
                                """).params(today, today).query(Long.class).single();
                assertThat(differing).as("disputed counts for hold: %s", counts).isZero();
                String disputed = jdbc.sql("""
                                SELECT s.state FROM customer_credit_states(?) s
                                JOIN customer c ON c.id = s.customer_id WHERE c.code = ?
                                """)
                        .params(today, "HF-" + x + "-2")
                        .query(String.class)
                        .single();
                assertThat(disputed).isEqualTo(counts ? "ON_HOLD" : "ACTIVE");
                status.setRollbackOnly();
            });
        }
    }
}
