package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.creditdesk.TestMail;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Today's stores for the pages follow a run of today once it has committed, on a listener thread. */
@SpringBootTest
class TodayStoresAfterDailyRunIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DailyRun dailyRun;

    @Autowired
    BusinessCalendar calendar;

    /*
     * Other tests' settlements dated after today make a store leave its date empty (the pages then replay the
     * allocations): either outcome proves the store ran after the run, so each state is first set to a date no
     * store writes.
     */
    @Test
    void a_run_of_today_stores_todays_aging_and_escalation_facts_after_its_commit() throws InterruptedException {
        LocalDate today = calendar.today();
        OffsetDateTime before =
                jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        for (String state : STATES)
            jdbc.sql("UPDATE " + state + " SET as_of = DATE '1900-01-01'").update();

        dailyRun.run(today, Caller.SYSTEM);

        LocalDate lastSettlement = jdbc.sql(AgingRepository.LAST_SETTLEMENT_CHANGE)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        boolean servesToday = lastSettlement == null || !lastSettlement.isAfter(today);
        for (String state : STATES) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Objects.equals(asOf(state), LocalDate.of(1900, 1, 1))) {
                assertThat(System.nanoTime() - deadline)
                        .as("%s of %s stored within 30 s of the run", state, today)
                        .isNegative();
                Thread.sleep(20);
            }
            assertThat(asOf(state)).as(state).isEqualTo(servesToday ? today : null);
            if (servesToday) {
                assertThat(jdbc.sql("SELECT built_at FROM " + state)
                                .query(OffsetDateTime.class)
                                .single())
                        .isAfterOrEqualTo(before);
            }
        }
    }

    private static final String[] STATES = {"aging_today_state", "escalation_today_state"};

    private @Nullable LocalDate asOf(String state) {
        return jdbc.sql("SELECT as_of FROM " + state)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }
}
