package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The board of an open period answers from the KPIs stored after the daily run (V71) until they are stored
 * anew; an explicit date and the KPI API stay live. Works in 2019, which no other test appraises.
 */
@SpringBootTest
class AppraisalKpiSnapshotIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Appraisals appraisals;

    @Test
    void board_shows_the_kpis_stored_after_the_daily_run_until_a_manager_recomputes() {
        AppraisalFixtures fixtures = new AppraisalFixtures(jdbc, ledger, transactions);
        String area = fixtures.area();
        String rep = fixtures.rep(area);
        String customer = fixtures.customer(area, rep);
        LocalDate runDate = LocalDate.of(2019, 5, 20);
        fixtures.invoice(customer, LocalDate.of(2019, 4, 2), LocalDate.of(2019, 5, 2), new BigDecimal("1000.00"));

        appraisals.snapshotAfterDailyRun(runDate);
        fixtures.invoice(customer, LocalDate.of(2019, 5, 10), LocalDate.of(2019, 6, 10), new BigDecimal("250.00"));

        Caller manager = new Caller("cm-" + rep, Set.of(Role.CREDIT_MANAGER), Set.of());
        for (String period : new String[] {"2019-05", "2019-Q2", "2019"}) {
            AppraisalSheet stored = appraisals.sheet(period, null, manager);
            assertThat(stored.asOf()).isEqualTo(runDate);
            assertThat(stored.kpisComputedAt()).isNotNull();
        }
        assertThat(invoiced(appraisals.sheet("2019-Q2", null, manager), rep))
                .as("the board shows what the daily run stored")
                .isEqualByComparingTo("1000.00");
        assertThat(invoiced(appraisals.sheet("2019-Q2", runDate, manager), rep))
                .as("an explicit date computes live")
                .isEqualByComparingTo("1250.00");
        assertThat(appraisals
                        .kpis("2019-Q2", runDate, rep, null, manager)
                        .getFirst()
                        .invoiced())
                .isEqualByComparingTo("1250.00");

        AppraisalSheet recomputed = appraisals.recompute("2019-Q2", manager);
        assertThat(invoiced(recomputed, rep)).isEqualByComparingTo("1250.00");
        assertThat(recomputed.kpisComputedAt()).isNotNull();

        Caller auditor = new Caller("auditor-" + rep, Set.of(Role.AUDITOR), Set.of());
        assertThatThrownBy(() -> appraisals.recompute("2019-Q2", auditor))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
    }

    /**
     * CAD at 5.2 from 2019-01-01 (no other test trades CAD, and the rate lies before every other test's
     * dates that convert); CHF has no rate to CNY, so its invoice is left out rather than guessed.
     */
    @Test
    void invoices_in_another_currency_count_at_the_newest_rate_before_the_period_end_and_without_one_not_at_all() {
        AppraisalFixtures fixtures = new AppraisalFixtures(jdbc, ledger, transactions);
        String area = fixtures.area();
        String rep = fixtures.rep(area);
        String customer = fixtures.customer(area, rep);
        jdbc.sql("""
                        INSERT INTO exchange_rate (from_currency, to_currency, valid_on, rate, updated_by, updated_at)
                        VALUES ('CAD', 'CNY', DATE '2019-01-01', 5.2, 'test', now()) ON CONFLICT DO NOTHING
                        """).update();
        fixtures.invoice(customer, LocalDate.of(2019, 7, 2), LocalDate.of(2019, 8, 1), new BigDecimal("1000.00"));
        String cad = fixtures.invoice(
                customer, LocalDate.of(2019, 7, 3), LocalDate.of(2019, 8, 2), new BigDecimal("100.00"), "CAD");
        fixtures.invoice(customer, LocalDate.of(2019, 7, 4), LocalDate.of(2019, 8, 3), new BigDecimal("300.00"), "CHF");
        fixtures.pay(customer, LocalDate.of(2019, 7, 20), new BigDecimal("40.00"), cad, "CAD");

        RepKpis kpis = appraisals.sheet("2019-Q3", LocalDate.of(2019, 9, 30), Caller.SYSTEM).reps().stream()
                .filter(r -> r.kpis().salesRep().equals(rep))
                .findFirst()
                .orElseThrow()
                .kpis();
        assertThat(kpis.invoiced()).isEqualByComparingTo("1520.00");
        assertThat(kpis.collected()).as("40 CAD at 5.2").isEqualByComparingTo("208.00");
        assertThat(kpis.openAtEnd()).isEqualByComparingTo("1312.00");
    }

    private static BigDecimal invoiced(AppraisalSheet sheet, String rep) {
        return sheet.reps().stream()
                .filter(r -> r.kpis().salesRep().equals(rep))
                .findFirst()
                .orElseThrow()
                .kpis()
                .invoiced();
    }
}
