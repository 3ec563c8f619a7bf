package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code plan_limit_cap(customer, asOf)} (V144) gives one customer the cap {@code plan_limit_caps(asOf)} (V81)
 * gives it among all customers, without computing the others': a customer planned on its own is capped by its
 * allocation; one of a planned area by its open receivables plus what is left of the area's amount; any other
 * customer is not capped (NULL).
 */
@SpringBootTest
class PlanLimitCapFunctionTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    private static final int YEAR = 2047;
    private static final LocalDate AS_OF = LocalDate.of(YEAR, 6, 30);

    private long id(String customerCode) {
        return jdbc.sql("SELECT id FROM customer WHERE code = :code")
                .param("code", customerCode)
                .query(Long.class)
                .single();
    }

    private void approvedPlan(String line, String area, String areaAmount, String customer, String customerAmount) {
        long plan = jdbc.sql("""
                        INSERT INTO fund_plan (plan_year, version, status, capital, cost_of_capital_rate, drafted_by,
                                               drafted_at, approved_by, approved_at)
                        VALUES (:year, 1, 'APPROVED', 1000000, 0.06, 'test', now(), 'test', now())
                        RETURNING id
                        """).param("year", YEAR).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO fund_plan_product_line (plan_id, product_line, business_group, amount, target_days)
                        VALUES (:plan, :line, 'VOLUME', :amount, 60)
                        """)
                .param("plan", plan)
                .param("line", line)
                .param("amount", new BigDecimal(areaAmount))
                .update();
        jdbc.sql("""
                        INSERT INTO fund_plan_area (plan_id, product_line, area_code, amount, target_days)
                        VALUES (:plan, :line, :area, :amount, 60)
                        """)
                .param("plan", plan)
                .param("line", line)
                .param("area", area)
                .param("amount", new BigDecimal(areaAmount))
                .update();
        jdbc.sql("""
                        INSERT INTO fund_plan_customer (plan_id, product_line, area_code, customer_id, amount, target_days)
                        VALUES (:plan, :line, :area, :customer, :amount, 60)
                        """)
                .param("plan", plan)
                .param("line", line)
                .param("area", area)
                .param("customer", id(customer))
                .param("amount", new BigDecimal(customerAmount))
                .update();
    }

    private BigDecimal cap(String customer, LocalDate asOf) {
        List<BigDecimal> caps = jdbc.sql("SELECT plan_limit_cap(:id, :asOf) AS cap")
                .param("id", id(customer))
                .param("asOf", asOf)
                .query((rs, n) -> rs.getBigDecimal("cap"))
                .list();
        return caps.getFirst();
    }

    /** Customers of the whole test database whose cap from the function differs from the set's. */
    private List<Map<String, Object>> differences(LocalDate asOf) {
        return jdbc.sql("""
                        SELECT c.code, plan_limit_cap(c.id, :asOf) AS one, p.limit_cap AS all_caps
                        FROM customer c
                        LEFT JOIN plan_limit_caps(:asOf) p ON p.customer_id = c.id
                        WHERE plan_limit_cap(c.id, :asOf) IS DISTINCT FROM p.limit_cap
                        """).param("asOf", asOf).query().listOfRows();
    }

    @Test
    void one_customers_cap_equals_its_cap_among_all_customers_planned_or_not() {
        PlanningFixtures fx = new PlanningFixtures(jdbc, ledger);
        String line = fx.productLine();
        String planned = fx.area();
        String unplanned = fx.area();
        String own = fx.customer(planned);
        String open = fx.customer(planned);
        String partly = fx.customer(planned);
        String nothingOpen = fx.customer(planned);
        String outside = fx.customer(unplanned);
        fx.invoice(own, line, LocalDate.of(YEAR, 5, 2), "800.00");
        fx.invoice(open, line, LocalDate.of(YEAR, 5, 1), "2500.00");
        String part = fx.invoice(partly, line, LocalDate.of(YEAR, 4, 1), "1500.00");
        fx.pay(partly, LocalDate.of(YEAR, 5, 15), "500.00", part);
        fx.invoice(outside, line, LocalDate.of(YEAR, 5, 1), "900.00");
        approvedPlan(line, planned, "10000.00", own, "3000.00");

        // The area's 10,000 less 3,000 allotted to `own` and 2,500 + 1,000 open at the others leaves 3,500.
        assertThat(cap(own, AS_OF)).isEqualByComparingTo("3000.00");
        assertThat(cap(open, AS_OF)).isEqualByComparingTo("6000.00");
        assertThat(cap(partly, AS_OF)).isEqualByComparingTo("4500.00");
        assertThat(cap(nothingOpen, AS_OF)).isEqualByComparingTo("3500.00");
        assertThat(cap(outside, AS_OF)).isNull();
        assertThat(differences(AS_OF)).isEmpty();
        // Another year has no approved plan: nobody is capped, by either function.
        assertThat(cap(open, AS_OF.plusYears(1))).isNull();
        assertThat(differences(AS_OF.plusYears(1))).isEmpty();
    }
}
