package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.creditdesk.TestMail;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
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

    @Test
    void a_run_of_today_stores_todays_aging_and_escalation_facts_after_its_commit() throws InterruptedException {
        LocalDate today = calendar.today();
        OffsetDateTime before =
                jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();

        dailyRun.run(today, Caller.SYSTEM);

        for (String state : new String[] {"aging_today_state", "escalation_today_state"}) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!storedSince(state, today, before)) {
                assertThat(System.nanoTime() - deadline)
                        .as("%s of %s stored within 30 s of the run", state, today)
                        .isNegative();
                Thread.sleep(20);
            }
        }
    }

    private boolean storedSince(String state, LocalDate today, OffsetDateTime before) {
        return jdbc.sql("SELECT count(*) FROM " + state + " WHERE as_of = :today AND built_at >= :before")
                        .param("today", today)
                        .param("before", before)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
