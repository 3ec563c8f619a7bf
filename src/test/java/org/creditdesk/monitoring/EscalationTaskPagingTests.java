package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "My escalations" pages in the database: no page renders an unbounded list, and the count covers all. */
@SpringBootTest
class EscalationTaskPagingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Escalations escalations;

    @Test
    void tasks_page_in_the_database_open_ones_first_with_the_count_of_all() {
        MonitoringFixtures fixtures = new MonitoringFixtures(jdbc, ledger);
        String area = fixtures.area();
        String supervisor = fixtures.user(Role.CREDIT_SUPERVISOR, false, area);
        LocalDate entered = LocalDate.of(1985, 6, 3);
        IntStream.range(0, 7).forEach(i -> task(fixtures.customer(area), supervisor, entered.plusDays(i), i < 2));
        Caller caller = new Caller(supervisor, Set.of(Role.CREDIT_SUPERVISOR), Set.of());

        Page<EscalationTask> first = escalations.tasksOf(caller, false, 0, 3);
        Page<EscalationTask> last = escalations.tasksOf(caller, false, 2, 3);
        Page<EscalationTask> open = escalations.tasksOf(caller, true, 0, 50);

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.items()).hasSize(3).allMatch(t -> t.doneAt() == null);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items())
                .singleElement()
                .satisfies(t -> assertThat(t.doneAt()).isNotNull());
        assertThat(last.hasNext()).isFalse();
        assertThat(open.total()).isEqualTo(5);
        assertThat(escalations.taskOf(caller, last.items().getFirst().id())).isPresent();
        assertThat(escalations.taskOf(
                        new Caller("someone-else", Set.of(Role.CREDIT_SUPERVISOR), Set.of()),
                        last.items().getFirst().id()))
                .isEmpty();
    }

    private void task(String customer, String username, LocalDate entered, boolean done) {
        long history = jdbc.sql("""
                        INSERT INTO escalation_history (customer_id, level, entered_on, days_overdue, overdue_amount,
                                                        currency, procedural)
                        SELECT id, 1, ?, 3, 100.00, 'CNY', false FROM customer WHERE code = ?
                        RETURNING id
                        """).params(entered, customer).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO escalation_task (history_id, customer_id, user_id, role, created_on, done_at)
                        SELECT h.id, h.customer_id, u.id, 'CREDIT_SUPERVISOR', h.entered_on,
                               CASE WHEN ? THEN now() END
                        FROM escalation_history h, app_user u
                        WHERE h.id = ? AND u.username = ?
                        """).params(done, history, username).update();
    }
}
