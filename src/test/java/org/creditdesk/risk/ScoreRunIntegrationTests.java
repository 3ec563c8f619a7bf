package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.Imports;
import org.creditdesk.ledger.BounceCheque;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoreRunIntegrationTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scores scores;

    @Autowired
    ScoreRepository repository;

    @Autowired
    Ledger ledger;

    @Autowired
    DataSource dataSource;

    @Autowired
    ClosedInvoiceSumsRepository closedSums;

    @Autowired
    ScorecardRepository cards;

    @Autowired
    Customers customers;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    CreditPolicies policies;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    Clock clock;

    @Autowired
    PlanLimitCapRepository planCaps;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    ScoreTestPortfolio.Loaded portfolio;

    @BeforeAll
    void load() {
        portfolio = ScoreTestPortfolio.load(imports, jdbc, 60, 12, 4_242, AS_OF);
    }

    @Test
    void scoring_run_writes_history_for_every_customer_and_pushes_the_classes_into_credit() {
        ScoreRun run = scores.runFor(AS_OF, portfolio.customerIds(), Caller.SYSTEM);

        assertThat(run.customersScored()).isEqualTo(60);
        assertThat(
                        count(
                                "SELECT count(*) FROM score_history WHERE as_of = :asOf AND customer_id = ANY(CAST(:ids AS bigint[]))"))
                .isEqualTo(60);
        assertThat(count("""
                        SELECT count(*) FROM credit_account a JOIN customer_score s ON s.customer_id = a.customer_id
                        WHERE a.customer_id = ANY(CAST(:ids AS bigint[])) AND a.risk_class = s.risk_class AND s.as_of = :asOf""")).isEqualTo(60);
        assertThat(run.byClass().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(60);
        assertThat(run.byClass()).as("a generated book has good and bad payers").hasSizeGreaterThan(1);
    }

    @Test
    void scores_copied_in_between_fetches_of_the_factor_values_are_the_scores_of_a_run_that_copies_them_at_once() {
        scores.runFor(AS_OF, portfolio.customerIds(), Caller.SYSTEM);
        List<String> atOnce = historyRows();
        // Seven customers a fetch and a COPY for every row: the cursor's portal stays open across 60 COPYs.
        Scores interleaved = new Scores(
                new ScoreRepository(jdbc, dataSource, closedSums, transactions, 7, 1),
                cards,
                customers,
                accounts,
                policies,
                calendar,
                clock,
                planCaps,
                events);
        ScoreRun run = new TransactionTemplate(transactions)
                .execute(s -> interleaved.runFor(AS_OF, portfolio.customerIds(), Caller.SYSTEM));

        assertThat(run.customersScored()).isEqualTo(60);
        assertThat(historyRows()).hasSize(60).isEqualTo(atOnce);
    }

    @Test
    void a_full_run_reading_its_factor_values_beside_the_copy_stores_the_scores_of_a_run_on_one_connection() {
        scores.runFor(AS_OF, null, Caller.SYSTEM);
        List<String> beside = historyRows();
        // A transaction id taken before the run is what a write gives it: the run then keeps to its own connection,
        // the only one that would see the caller's rows.
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            jdbc.sql("SELECT pg_current_xact_id()").query(String.class).single();
            scores.runFor(AS_OF, null, Caller.SYSTEM);
        });

        assertThat(historyRows()).hasSize(60).isEqualTo(beside);
    }

    private List<String> historyRows() {
        return jdbc.sql("""
                        SELECT concat_ws('|', customer_id, scorecard_id, score, risk_class, factor_values, factor_points,
                                         recommended_limit, currency, review_on)
                        FROM score_history WHERE as_of = :asOf AND customer_id = ANY(CAST(:ids AS bigint[]))
                        ORDER BY customer_id""")
                .param("asOf", AS_OF)
                .param("ids", portfolio.customerIds().toArray(Long[]::new))
                .query(String.class)
                .list();
    }

    @Test
    void the_run_and_the_explained_score_agree_customer_by_customer_and_points_add_up() {
        scores.runFor(AS_OF, portfolio.customerIds(), Caller.SYSTEM);
        List<String> codes = jdbc.sql("SELECT code FROM customer WHERE id = ANY(CAST(:ids AS bigint[]))")
                .param("ids", portfolio.customerIds().toArray(Long[]::new))
                .query(String.class)
                .list();
        for (String code : codes) {
            Score score = scores.score(code, AS_OF, Caller.SYSTEM);
            Map<String, Object> stored = jdbc.sql("""
                            SELECT h.score, h.risk_class, h.recommended_limit, h.review_on
                            FROM score_history h JOIN customer c ON c.id = h.customer_id
                            WHERE c.code = :code AND h.as_of = :asOf""")
                    .param("code", code)
                    .param("asOf", AS_OF)
                    .query()
                    .singleRow();
            assertThat(score.factors().stream().map(Score.FactorLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(code)
                    .isEqualByComparingTo(score.score());
            assertThat((BigDecimal) stored.get("score")).as(code).isEqualByComparingTo(score.score());
            assertThat(stored.get("risk_class")).as(code).isEqualTo(score.riskClass());
            assertThat((BigDecimal) stored.get("recommended_limit"))
                    .as(code)
                    .isEqualByComparingTo(score.recommendedLimit());
            assertThat(stored.get("review_on").toString())
                    .as(code)
                    .isEqualTo(score.reviewOn().toString());
        }
    }

    @Test
    void the_ledgers_open_amounts_and_the_allocations_give_the_same_factor_values_after_the_last_allocation() {
        String paymentNo = jdbc.sql("""
                        SELECT p.payment_no FROM payment p
                        WHERE p.customer_id = ANY(CAST(:ids AS bigint[])) AND p.status = 'RECEIVED' AND p.method = 'CHEQUE'
                          AND EXISTS (SELECT 1 FROM allocation a WHERE a.payment_id = p.id)
                        ORDER BY p.id LIMIT 1""")
                .param("ids", portfolio.customerIds().toArray(Long[]::new))
                .query(String.class)
                .single();
        ledger.bounce(paymentNo, new BounceCheque(AS_OF, "insufficient funds"), Caller.SYSTEM);
        LocalDate last = jdbc.sql("""
                        SELECT greatest(max(allocated_on), max(reversed_on)) FROM allocation
                        WHERE customer_id = ANY(CAST(:ids AS bigint[]))""")
                .param("ids", portfolio.customerIds().toArray(Long[]::new))
                .query(LocalDate.class)
                .single();

        for (LocalDate asOf : List.of(last, last.plusDays(45))) {
            assertThat(repository.factorValues(asOf, portfolio.customerIds(), ScoreRepository.InvoiceState.LEDGER))
                    .as("as of %s", asOf)
                    .isEqualTo(repository.factorValues(
                            asOf, portfolio.customerIds(), ScoreRepository.InvoiceState.ALLOCATIONS))
                    .anySatisfy(v -> assertThat(v.values().get(ScoreFactor.DAYS_BEYOND_TERMS))
                            .isNotNull())
                    .anySatisfy(v -> assertThat(v.values().get(ScoreFactor.DAYS_BEYOND_TERMS_3M))
                            .isNotNull());
        }
    }

    @Test
    void broken_promises_of_the_last_12_months_count_in_the_run_and_in_the_explained_score() {
        Long id = portfolio.customerIds().get(1);
        String code = jdbc.sql("SELECT code FROM customer WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        // Broken and partly kept promises count, a kept one and one older than 12 months do not.
        for (Object[] p : List.of(
                new Object[] {AS_OF.minusDays(10), "BROKEN"},
                new Object[] {AS_OF.minusMonths(3), "PARTLY_KEPT"},
                new Object[] {AS_OF.minusMonths(4), "KEPT"},
                new Object[] {AS_OF.minusMonths(13), "BROKEN"})) {
            jdbc.sql("""
                            INSERT INTO payment_promise (customer_id, promised_on, amount, currency, written, made_on,
                                                         status, created_by)
                            VALUES (:id, :on, 100, 'CNY', TRUE, :on, :status, 'test')""")
                    .param("id", id)
                    .param("on", (LocalDate) p[0])
                    .param("status", p[1])
                    .update();
        }

        BigDecimal value =
                repository.factorValues(AS_OF, List.of(id)).getFirst().values().get(ScoreFactor.BROKEN_PROMISES_12M);
        scores.runFor(AS_OF, List.of(id), Caller.SYSTEM);
        Score score = scores.score(code, AS_OF, Caller.SYSTEM);
        Score.FactorLine line = score.factors().stream()
                .filter(f -> f.name().equals("BROKEN_PROMISES_12M"))
                .findFirst()
                .orElseThrow();
        BigDecimal stored = jdbc.sql("SELECT score FROM score_history WHERE customer_id = :id AND as_of = :asOf")
                .param("id", id)
                .param("asOf", AS_OF)
                .query(BigDecimal.class)
                .single();

        assertThat(value).isEqualByComparingTo("2");
        assertThat(line.value()).isEqualByComparingTo("2");
        assertThat(line.points()).isEqualByComparingTo("0");
        assertThat(line.band()).isEqualTo("two or more broken promises to pay in 12 months");
        assertThat(stored).isEqualByComparingTo(score.score());
        assertThat(repository
                        .factorValues(AS_OF, List.of(portfolio.customerIds().get(2)))
                        .getFirst()
                        .values()
                        .get(ScoreFactor.BROKEN_PROMISES_12M))
                .as("a customer without promises has none broken, not missing data")
                .isEqualByComparingTo("0");
    }

    @Test
    void a_class_drop_raises_one_alert_and_running_the_same_date_again_raises_none() {
        Long id = portfolio.customerIds().getFirst();
        scores.runFor(AS_OF.minusMonths(6), List.of(id), Caller.SYSTEM);
        jdbc.sql("UPDATE customer_score SET risk_class = 'A', as_of = :before WHERE customer_id = :id")
                .param("id", id)
                .param("before", AS_OF.minusMonths(6))
                .update();
        scores.runFor(AS_OF, List.of(id), Caller.SYSTEM);
        String now = jdbc.sql("SELECT risk_class FROM customer_score WHERE customer_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        long alerts = alerts(id);
        scores.runFor(AS_OF, List.of(id), Caller.SYSTEM);

        assertThat(alerts).isEqualTo(now.equals("A") ? 0 : 1);
        assertThat(alerts(id)).isEqualTo(alerts);
    }

    private long alerts(Long id) {
        return jdbc.sql("SELECT count(*) FROM risk_alert WHERE customer_id = :id AND type = 'CLASS_DROP'")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql)
                .param("ids", portfolio.customerIds().toArray(Long[]::new))
                .param("asOf", AS_OF)
                .query(Long.class)
                .single();
    }
}
