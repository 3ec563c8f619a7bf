package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scoring run's classes go into credit in one statement that writes only the classes that differ: a customer
 * whose class is the same keeps its account row untouched (not updated, not even locked), one whose class changed
 * gets it with a new version, and a customer without an account gets one.
 */
@SpringBootTest
class RiskClassesIntoCreditTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    CreditAccounts accounts;

    @Test
    void an_unchanged_class_leaves_its_account_row_untouched_and_a_changed_or_new_one_is_written() {
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        CustomerRef same = fx.customer();
        CustomerRef changed = fx.customer();
        CustomerRef without = fx.customer();
        accounts.setRiskClasses(Map.of(same.id(), "B", changed.id(), "B"), "before", Caller.SYSTEM);
        jdbc.sql("DELETE FROM credit_account WHERE customer_id = :id")
                .param("id", without.id())
                .update();
        Row sameBefore = row(same);
        Row changedBefore = row(changed);

        int written = accounts.setRiskClasses(
                Map.of(same.id(), "B", changed.id(), "D", without.id(), "C"), "test run", Caller.SYSTEM);

        assertThat(written).isEqualTo(2);
        assertThat(row(same)).as("same class: neither updated nor locked").isEqualTo(sameBefore);
        Row changedAfter = row(changed);
        assertThat(changedAfter.riskClass()).isEqualTo("D");
        assertThat(changedAfter.version()).isEqualTo(changedBefore.version() + 1);
        assertThat(row(without).riskClass()).isEqualTo("C");
    }

    record Row(String riskClass, long version, String xmin, String xmax) {}

    private Row row(CustomerRef customer) {
        return jdbc.sql("""
                        SELECT risk_class, version, CAST(xmin AS text) AS xmin, CAST(xmax AS text) AS xmax
                        FROM credit_account WHERE customer_id = :id""")
                .param("id", customer.id())
                .query((rs, n) -> new Row(
                        rs.getString("risk_class"), rs.getLong("version"), rs.getString("xmin"), rs.getString("xmax")))
                .single();
    }
}
