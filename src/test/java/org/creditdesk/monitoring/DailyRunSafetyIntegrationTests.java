package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.TestMail;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Issue 15 findings 2 and 9: a daily run's date is guarded, a wrong future run can be rolled back
 * with a reset run, and a run that dies half-way stays visible as INTERRUPTED. Runs here are dated
 * in 1960, before every other test's, and each reset supersedes what came after it, so other classes'
 * runs (1991 on) keep being the newest.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DailyRunSafetyIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    BusinessCalendar calendar;

    MonitoringFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    @AfterEach
    void noHook() {
        dailyRun.hook(DailyRun.NO_HOOK);
    }

    @Test
    void a_number_as_the_run_date_is_refused_and_runs_nothing() {
        int runsBefore = runs();
        assertThat(mvc.post()
                        .uri("/api/v1/daily-runs")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": 20261206}"))
                .hasStatus(400)
                .bodyText()
                .contains("\"field\":\"asOf\"");
        assertThat(runs()).isEqualTo(runsBefore);
    }

    @Test
    void a_run_more_than_seven_days_ahead_is_refused_naming_the_field_unless_an_admin_forces_it_with_a_reason() {
        LocalDate tooFar = calendar.today().plusDays(8);
        int runsBefore = runs();
        assertThat(mvc.post()
                        .uri("/api/v1/daily-runs")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"%s\"}".formatted(tooFar)))
                .hasStatus(422)
                .bodyText()
                .contains("\"field\":\"asOf\"")
                .contains("more than 7 days after today");
        assertThat(mvc.post()
                        .uri("/api/v1/daily-runs")
                        .with(httpBasic("admin", "admin-test-password"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"%s\", \"force\": true}".formatted(tooFar)))
                .as("forcing needs a reason")
                .hasStatus(422)
                .bodyText()
                .contains("\"field\":\"reason\"");
        Caller creditManager = new Caller("cm", java.util.Set.of(Role.CREDIT_MANAGER), java.util.Set.of());
        assertThatThrownBy(() -> dailyRun.run(new DailyRunRequest(tooFar, true, false, "month end"), creditManager))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("Only an ADMIN");
        assertThat(runs()).isEqualTo(runsBefore);
    }

    @Test
    void a_reset_run_of_an_earlier_date_lifts_the_holds_a_later_run_placed_and_is_audited() {
        LocalDate wrong = LocalDate.of(1960, 6, 1);
        LocalDate right = LocalDate.of(1960, 1, 1);
        String customer = fixtures.customer(fixtures.area());
        fixtures.invoice(customer, right.minusDays(10), right.plusDays(20), "100.00");

        dailyRun.run(new DailyRunRequest(wrong, false, true, "test: make 1960-06-01 the newest date"), Caller.SYSTEM);
        assertThat(activeOverdueHolds(customer))
                .as("overdue as of the wrong date")
                .isEqualTo(1);

        dailyRun.run(new DailyRunRequest(right, false, true, "the June run was dated wrongly"), Caller.SYSTEM);

        assertThat(activeOverdueHolds(customer))
                .as("not overdue as of the right date")
                .isZero();
        assertThat(dailyRun.history())
                .filteredOn(r -> r.asOf().equals(wrong))
                .extracting(DailyRunRecord::status)
                .containsOnly("SUPERSEDED");
        assertThat(jdbc.sql("SELECT reason FROM audit_log WHERE action = 'DAILY_RUN_RESET' AND subject_id = :d")
                        .param("d", right.toString())
                        .query(String.class)
                        .list())
                .contains("the June run was dated wrongly");
    }

    @Test
    void a_run_that_dies_half_way_shows_as_interrupted_with_its_start_time() {
        LocalDate asOf = LocalDate.of(1960, 3, 1);
        dailyRun.hook(step -> {
            if (step.equals("aging")) throw new SimulatedKill();
        });
        assertThatThrownBy(() -> dailyRun.run(new DailyRunRequest(asOf, false, true, "test"), Caller.SYSTEM))
                .isInstanceOf(SimulatedKill.class);
        dailyRun.hook(DailyRun.NO_HOOK);

        DailyRunRecord newest = dailyRun.history().getFirst();
        assertThat(newest.asOf()).isEqualTo(asOf);
        assertThat(newest.status()).isEqualTo("INTERRUPTED");
        assertThat(newest.startedAt()).isNotNull();
        assertThat(newest.finishedAt()).isNull();
    }

    @Test
    void while_a_run_works_the_history_shows_it_running() {
        LocalDate asOf = LocalDate.of(1960, 2, 1);
        List<String> seen = new java.util.ArrayList<>();
        dailyRun.hook(step -> {
            if (step.equals("aging")) {
                seen.add(java.util.concurrent.CompletableFuture.supplyAsync(
                                () -> dailyRun.history().getFirst().status())
                        .join());
            }
        });
        dailyRun.run(new DailyRunRequest(asOf, false, true, "test"), Caller.SYSTEM);
        assertThat(seen).containsExactly("RUNNING");
        assertThat(dailyRun.history().getFirst().status()).isEqualTo("COMPLETED");
    }

    /** Stands for the JVM dying: an Error no handler of the run catches, so nothing records a failure. */
    static final class SimulatedKill extends Error {}

    private int runs() {
        return jdbc.sql("SELECT count(*) FROM daily_run").query(Integer.class).single();
    }

    private int activeOverdueHolds(String customer) {
        return jdbc.sql("""
                        SELECT count(*) FROM customer_hold h JOIN customer c ON c.id = h.customer_id
                        WHERE c.code = :c AND h.lifted_at IS NULL AND h.reason = 'OVERDUE'""").param("c", customer).query(Integer.class).single();
    }
}
