package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditdesk.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The risk dashboard's store plus the customers touched since answers what the live reads answer (V151,
 * RiskBoardRepository), whatever changes scores, balances and customers after a rebuild or a fold. Scores and balances
 * are written with SQL as the scoring run and the credit module write them (the store reads nothing else).
 */
@SpringBootTest
class RiskBoardIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    private static final List<String> CLASSES = List.of("A", "B", "C", "D", "E");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskBoardRepository board;

    @Autowired
    RiskDashboardRepository dashboard;

    @Autowired
    RiskBoardUpkeep upkeep;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void stored_cells_and_top_risks_plus_the_touched_customers_equal_the_live_reads_after_random_changes() {
        long seed = Long.getLong("risk.board.seed", System.nanoTime());
        System.out.println("RiskBoardIntegrationTests seed: " + seed);
        Random random = new Random(seed);
        List<String> areas = List.of(area(), area(), area());
        List<Long> customers = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            long id = customer(areas.get(random.nextInt(areas.size())));
            customers.add(id);
            if (random.nextInt(4) > 0) score(id, CLASSES.get(random.nextInt(5)), random);
            if (random.nextInt(3) > 0) balance(id, "CNY", random);
        }
        String[] scope = areas.toArray(String[]::new);
        rebuild();
        assertEqualsLive("right after the rebuild", scope, areas);

        int foldedTotal = 0;
        for (int step = 0; step < 40; step++) {
            long customer = customers.get(random.nextInt(customers.size()));
            String what = switch (random.nextInt(6)) {
                case 0 -> {
                    score(customer, CLASSES.get(random.nextInt(5)), random);
                    yield "customer " + customer + " rescored";
                }
                case 1 -> {
                    balance(customer, random.nextInt(5) == 0 ? "USD" : "CNY", random);
                    yield "balance of " + customer + " moved";
                }
                case 2 -> {
                    jdbc.sql("UPDATE customer SET area_code = :area, name = name || '+' WHERE id = :id")
                            .param("area", areas.get(random.nextInt(areas.size())))
                            .param("id", customer)
                            .update();
                    yield customer + " renamed and moved";
                }
                case 3 -> {
                    jdbc.sql("DELETE FROM customer_score WHERE customer_id = :id")
                            .param("id", customer)
                            .update();
                    yield "score of " + customer + " deleted";
                }
                case 4 -> {
                    jdbc.sql("UPDATE customer SET currency = CASE currency WHEN 'CNY' THEN 'USD' ELSE 'CNY' END"
                                    + " WHERE id = :id")
                            .param("id", customer)
                            .update();
                    yield "currency of " + customer + " switched";
                }
                default -> {
                    long other = customer(areas.get(random.nextInt(areas.size())));
                    customers.add(other);
                    score(other, CLASSES.get(random.nextInt(5)), random);
                    balance(other, "CNY", random);
                    yield "new scored customer " + other;
                }
            };
            switch (random.nextInt(5)) {
                case 0 -> {
                    rebuild();
                    what += ", then rebuilt";
                }
                case 1, 2 -> {
                    Integer folded = new TransactionTemplate(transactions).execute(status -> board.fold());
                    assertThat(jdbc.sql("SELECT count(*) FROM risk_board_touched")
                                    .query(Integer.class)
                                    .single())
                            .as("a fold empties the log")
                            .isZero();
                    foldedTotal += folded == null ? 0 : folded;
                    what += ", then " + folded + " customer(s) folded";
                }
                default -> {}
            }
            assertEqualsLive("after step " + step + " (" + what + ", seed " + seed + ")", scope, areas);
        }
        assertThat(foldedTotal)
                .as("folds replaced touched customers' rows (seed %s)", seed)
                .isPositive();
    }

    @Test
    void a_full_scoring_run_folds_the_store_after_it_and_a_rebuild_is_rerun_safe() {
        String area = area();
        long customer = customer(area);
        score(customer, "D", new Random(3));
        jdbc.sql("""
                        INSERT INTO credit_balance (customer_id, currency, open_receivables) VALUES (:id, 'CNY', 1234.50)
                        """).param("id", customer).update();
        String[] scope = {area};
        // The listener folds after the run's commit, on a thread and in a transaction of its own.
        upkeep.on(new PortfolioScored(LocalDate.of(2026, 12, 6)));
        assertThat(touchedEmptyWithin(Duration.ofSeconds(20)))
                .as("the fold after the run empties the log")
                .isTrue();
        List<RiskDashboardRepository.Cell> first = dashboard.byClassAndArea(scope, true);
        rebuild();

        assertThat(dashboard.stored()).isTrue();
        assertThat(dashboard.byClassAndArea(scope, true))
                .isEqualTo(first)
                .singleElement()
                .satisfies(cell -> {
                    assertThat(cell.riskClass()).isEqualTo("D");
                    assertThat(cell.customers()).isOne();
                    assertThat(cell.exposure()).isEqualByComparingTo("1234.50");
                });
        assertThat(dashboard.top(scope, 10, true))
                .extracting(RiskDashboardRepository.TopRisk::riskClass)
                .containsExactly("D");
    }

    @Test
    void a_new_date_with_the_same_score_logs_nothing_and_a_changed_score_logs_its_customer() {
        String area = area();
        long customer = customer(area);
        score(customer, "B", new Random(5));
        rebuild();
        String touched = "SELECT count(*) FROM risk_board_touched WHERE customer_id = :id";

        jdbc.sql("UPDATE customer_score SET as_of = as_of + 1 WHERE customer_id = :id")
                .param("id", customer)
                .update();
        assertThat(jdbc.sql(touched).param("id", customer).query(Integer.class).single())
                .isZero();
        jdbc.sql("UPDATE customer_score SET as_of = as_of + 1, score = score + 1 WHERE customer_id = :id")
                .param("id", customer)
                .update();
        assertThat(jdbc.sql(touched).param("id", customer).query(Integer.class).single())
                .isOne();
        assertEqualsLive("after a changed score", new String[] {area}, List.of(area));
    }

    private boolean touchedEmptyWithin(Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (jdbc.sql("SELECT count(*) FROM risk_board_touched")
                        .query(Integer.class)
                        .single()
                > 0) {
            if (System.nanoTime() > until) return false;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void assertEqualsLive(String when, String[] scope, List<String> areas) {
        assertThat(cells(dashboard.byClassAndArea(scope, true)))
                .as("%s: cells in the scope", when)
                .isEqualTo(cells(dashboard.byClassAndArea(scope, false)));
        assertThat(cells(dashboard.byClassAndArea(new String[0], true)))
                .as("%s: cells of every area", when)
                .isEqualTo(cells(dashboard.byClassAndArea(new String[0], false)));
        String[] one = {areas.getFirst()};
        for (String[] filter : List.of(scope, one)) {
            assertThat(top(dashboard.top(filter, 5, true)))
                    .as("%s: top risks", when)
                    .isEqualTo(top(dashboard.top(filter, 5, false)));
        }
    }

    private static List<String> cells(List<RiskDashboardRepository.Cell> cells) {
        return cells.stream()
                .map(c -> c.riskClass() + " " + c.area() + " " + c.customers() + " "
                        + c.exposure().stripTrailingZeros().toPlainString())
                .toList();
    }

    private static List<String> top(List<RiskDashboardRepository.TopRisk> top) {
        return top.stream()
                .map(t -> t.code() + " " + t.name() + " " + t.area() + " " + t.riskClass() + " " + t.score() + " "
                        + t.exposure().stripTrailingZeros().toPlainString() + " " + t.currency())
                .toList();
    }

    private void rebuild() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> board.rebuild());
    }

    private String area() {
        String area = RiskFixtures.unique("RB");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code)")
                .param("code", area)
                .update();
        return area;
    }

    private long customer(String area) {
        return jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, 'Board customer', :area, 'VOLUME', 30, 'CNY')
                        RETURNING id
                        """)
                .param("code", RiskFixtures.unique("RBC"))
                .param("area", area)
                .query(Long.class)
                .single();
    }

    private void score(long customer, String riskClass, Random random) {
        jdbc.sql("""
                        INSERT INTO customer_score (customer_id, as_of, score, risk_class)
                        VALUES (:id, DATE '2026-12-06', :score, :class)
                        ON CONFLICT (customer_id) DO UPDATE SET score = EXCLUDED.score, risk_class = EXCLUDED.risk_class
                        """)
                .param("id", customer)
                .param("score", BigDecimal.valueOf(random.nextInt(10_000), 2))
                .param("class", riskClass)
                .update();
    }

    /** As the credit module's running totals move: an upsert adding to the customer's row of the currency. */
    private void balance(long customer, String currency, Random random) {
        jdbc.sql("""
                        INSERT INTO credit_balance (customer_id, currency, open_receivables, released_orders,
                                                    unapplied_credit)
                        VALUES (:id, :currency, :receivables, :orders, :credit)
                        ON CONFLICT (customer_id, currency) DO UPDATE
                            SET open_receivables = credit_balance.open_receivables + EXCLUDED.open_receivables,
                                released_orders = credit_balance.released_orders + EXCLUDED.released_orders,
                                unapplied_credit = credit_balance.unapplied_credit + EXCLUDED.unapplied_credit
                        """)
                .param("id", customer)
                .param("currency", currency)
                .param("receivables", BigDecimal.valueOf(random.nextInt(2_000_000) - 300_000, 2))
                .param("orders", BigDecimal.valueOf(random.nextInt(100_000), 2))
                .param("credit", BigDecimal.valueOf(random.nextInt(50_000), 2))
                .update();
    }
}
