package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The daily run hands its date to risk: the portfolio is rescored and first-time overdue announced. */
@SpringBootTest
class ScoreAfterDailyRunTests {

    @Autowired
    ScoreAfterDailyRun step;

    @Autowired
    Customers customers;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void the_daily_run_date_is_rescored_and_a_customer_first_overdue_is_announced_once() {
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        String code = "SAD-" + x;
        customers.upsert(
                code,
                new org.creditdesk.customers.CustomerInput(
                        "First Overdue " + x,
                        null,
                        null,
                        "EAST",
                        "VOLUME",
                        null,
                        30,
                        "CNY",
                        null,
                        null,
                        null,
                        null,
                        null),
                Caller.SYSTEM);
        ledger.issueInvoice(
                new IssueInvoice(
                        "SAD-I-" + x,
                        code,
                        null,
                        asOf.minusDays(31),
                        asOf.minusDays(1),
                        new BigDecimal("900.00"),
                        "CNY",
                        "PIPES"),
                Caller.SYSTEM);
        long customerId = customers.require(code, Caller.SYSTEM).id();

        step.scoreAndAlert(asOf);
        step.scoreAndAlert(asOf);

        assertThat(count(
                        "SELECT count(*) FROM score_history WHERE customer_id = :id AND as_of = :asOf",
                        customerId,
                        asOf))
                .isEqualTo(1);
        assertThat(count("""
                        SELECT count(*) FROM risk_alert
                        WHERE customer_id = :id AND type = 'FIRST_OVERDUE' AND business_date = :asOf""", customerId, asOf))
                .as("announced once however often the day is run")
                .isEqualTo(1);
        assertThat(count("""
                        SELECT count(*) FROM risk_alert
                        WHERE customer_id = :id AND type = 'FIRST_OVERDUE' AND business_date = :asOf""", customerId, asOf.plusDays(1)))
                .as("the next day it is no longer the first day overdue")
                .isZero();
        var status = customers.details(code, asOf, Caller.SYSTEM).status();
        assertThat(status.score()).as("the status shows the latest score").isNotNull();
        assertThat(status.escalationLevel()).as("one day overdue").isEqualTo(1);
        assertThat(customers
                        .details(code, asOf.plusDays(39), Caller.SYSTEM)
                        .status()
                        .escalationLevel())
                .as("40 days overdue: level 3 (31-60)")
                .isEqualTo(3);
        step.scoreAndAlert(asOf.plusDays(1));
        assertThat(count(
                        "SELECT count(*) FROM risk_alert WHERE customer_id = :id AND type = 'FIRST_OVERDUE'",
                        customerId,
                        asOf))
                .isEqualTo(1);
    }

    private long count(String sql, long customerId, LocalDate asOf) {
        var spec = jdbc.sql(sql).param("id", customerId);
        if (sql.contains(":asOf")) spec = spec.param("asOf", asOf);
        return spec.query(Long.class).single();
    }
}
