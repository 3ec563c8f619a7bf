package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.creditdesk.CreditDeskApplication;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one database (the second finds the first one's PostgreSQL through
 * postmaster.pid) start the same date at the same time: exactly one does the work.
 */
class DailyRunTwoInstancesTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CreditDeskApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--creditdesk.database.embedded.ephemeral=false",
                        "--creditdesk.database.embedded.data-dir=" + dataDir,
                        "--creditdesk.command=serve");
    }

    @Test
    void two_instances_running_the_same_date_at_once_do_the_work_once() throws Exception {
        // Far after every other test's date (so it is the newest run and moves holds): forced, as an ADMIN may.
        LocalDate asOf = LocalDate.of(2031, 3, 31);
        DailyRunRequest forced = new DailyRunRequest(asOf, true, false, "two-instance test in the far future");
        try (ConfigurableApplicationContext first = start();
                ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            MonitoringFixtures fixtures = new MonitoringFixtures(jdbc, first.getBean(Ledger.class));
            String area = fixtures.area();
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, asOf.minusDays(90), asOf.minusDays(40), "500.00");

            DailyRun firstRun = first.getBean(DailyRun.class);
            DailyRun secondRun = second.getBean(DailyRun.class);
            assertThat(firstRun).isNotSameAs(secondRun);
            CountDownLatch firstInside = new CountDownLatch(1);
            CountDownLatch secondTried = new CountDownLatch(1);
            firstRun.hook(step -> {
                if (!step.equals("aging")) return;
                firstInside.countDown();
                try {
                    secondTried.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            CompletableFuture<DailyRunResult> one =
                    CompletableFuture.supplyAsync(() -> firstRun.run(forced, Caller.SYSTEM));
            assertThat(firstInside.await(30, TimeUnit.SECONDS)).isTrue();
            try {
                assertThatThrownBy(() -> secondRun.run(forced, Caller.SYSTEM))
                        .isInstanceOfSatisfying(
                                ProblemException.class,
                                e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
            } finally {
                secondTried.countDown();
            }
            DailyRunResult done = one.get(60, TimeUnit.SECONDS);

            assertThat(done.newHolds()).isEqualTo(1);
            assertThat(done.escalationsEntered().get("3")).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM daily_run WHERE as_of = :d AND status = 'COMPLETED'")
                            .param("d", asOf)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM customer_hold h JOIN customer c ON c.id = h.customer_id"
                                    + " WHERE c.code = :c")
                            .param("c", customer)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            DailyRunResult later = secondRun.run(forced, Caller.SYSTEM);
            assertThat(later.newHolds())
                    .as("once the first is done the second finds nothing to do")
                    .isZero();
            assertThat(later.escalationsEntered().values()).containsOnly(0);
        }
    }
}
