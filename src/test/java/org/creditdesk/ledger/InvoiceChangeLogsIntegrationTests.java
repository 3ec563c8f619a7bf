package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one statement trigger on invoice (R__invoice_change_logs) writes into the four change logs exactly what the
 * four triggers it replaced wrote (V53 worklist, V133 today's aging, V149 escalation facts, V154 scoring's paid
 * invoices): the same script of invoice writes — inserts, payments in full and in part, reversals reopening paid
 * invoices, amount edits, customer moves, deletes — runs twice in rolled-back transactions, once with the old
 * triggers put back, and each log receives the same customers after every statement.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceChangeLogsIntegrationTests {

    static final List<String> LOGS = List.of(
            "collections_worklist_touched", "aging_today_touched", "escalation_today_touched", "score_closed_touched");

    static final String OLD_TRIGGERS = """
            DROP TRIGGER invoice_change_logs_ins ON invoice;
            DROP TRIGGER invoice_change_logs_upd ON invoice;
            DROP TRIGGER invoice_change_logs_del ON invoice;
            CREATE TRIGGER invoice_worklist_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
                FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch();
            CREATE TRIGGER invoice_worklist_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new
                OLD TABLE AS touched_old FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch();
            CREATE TRIGGER invoice_worklist_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
                FOR EACH STATEMENT EXECUTE FUNCTION collections_worklist_touch();
            CREATE TRIGGER invoice_aging_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
                FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch();
            CREATE TRIGGER invoice_aging_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new
                OLD TABLE AS touched_old FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch();
            CREATE TRIGGER invoice_aging_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
                FOR EACH STATEMENT EXECUTE FUNCTION aging_today_touch();
            CREATE TRIGGER invoice_escalation_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
                FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();
            CREATE TRIGGER invoice_escalation_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new
                OLD TABLE AS touched_old FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();
            CREATE TRIGGER invoice_escalation_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
                FOR EACH STATEMENT EXECUTE FUNCTION escalation_today_touch();
            CREATE TRIGGER invoice_score_closed_ins AFTER INSERT ON invoice REFERENCING NEW TABLE AS touched_new
                FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();
            CREATE TRIGGER invoice_score_closed_upd AFTER UPDATE ON invoice REFERENCING NEW TABLE AS touched_new
                OLD TABLE AS touched_old FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();
            CREATE TRIGGER invoice_score_closed_del AFTER DELETE ON invoice REFERENCING OLD TABLE AS touched_old
                FOR EACH STATEMENT EXECUTE FUNCTION score_closed_touch();
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    List<Long> customers = new ArrayList<>();

    @BeforeAll
    void customers() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        for (int c = 0; c < 6; c++) {
            customers.add(fixtures.customerId(fixtures.customer("LOG", "EUR")));
        }
    }

    @Test
    void invoice_has_one_change_log_trigger_per_operation_and_none_of_the_four_it_replaced() {
        List<String> triggers = jdbc.sql("""
                        SELECT tgname FROM pg_trigger
                        WHERE tgrelid = 'invoice'::regclass AND NOT tgisinternal
                          AND (tgname LIKE 'invoice\\_change\\_logs\\_%' OR tgname LIKE 'invoice\\_worklist\\_%'
                               OR tgname LIKE 'invoice\\_aging\\_%' OR tgname LIKE 'invoice\\_escalation\\_%'
                               OR tgname LIKE 'invoice\\_score\\_closed\\_%')
                        ORDER BY tgname
                        """).query(String.class).list();
        assertThat(triggers)
                .containsExactly("invoice_change_logs_del", "invoice_change_logs_ins", "invoice_change_logs_upd");
    }

    @RepeatedTest(3)
    void one_trigger_logs_what_the_four_logged_after_every_kind_of_invoice_write() {
        long seed = Long.getLong("invoice.logs.seed", new Random().nextLong());
        System.out.println("InvoiceChangeLogsIntegrationTests seed " + seed);
        List<String> script = script(new Random(seed), "L" + Long.toHexString(seed & 0xffffffffL) + "-");
        List<List<List<Long>>> merged = run(script, false);
        List<List<List<Long>>> separate = run(script, true);
        assertThat(merged).as("seed %d, script %s", seed, script).isEqualTo(separate);
        assertThat(merged.stream().flatMap(List::stream).mapToInt(List::size).sum())
                .as("the script logs something")
                .isPositive();
    }

    /** Per statement of the script, per log, the customers it logged (sorted: a log's order means nothing). */
    private List<List<List<Long>>> run(List<String> script, boolean oldTriggers) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<List<List<Long>>> logged = new ArrayList<>();
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            if (oldTriggers) {
                jdbc.sql(OLD_TRIGGERS).update();
            }
            for (String statement : script) {
                List<Long> before = LOGS.stream().map(this::lastId).toList();
                jdbc.sql(statement).update();
                List<List<Long>> step = new ArrayList<>();
                for (int k = 0; k < LOGS.size(); k++) {
                    step.add(jdbc.sql("SELECT customer_id FROM " + LOGS.get(k)
                                    + " WHERE id > :after AND customer_id = ANY(CAST(:ids AS bigint[]))"
                                    + " ORDER BY customer_id")
                            .param("after", before.get(k))
                            .param("ids", customers.toArray(Long[]::new))
                            .query(Long.class)
                            .list());
                }
                logged.add(step);
            }
        });
        return logged;
    }

    private long lastId(String log) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM " + log)
                .query(Long.class)
                .single();
    }

    /**
     * Invoices named by number (ids differ between the two runs), on the fixture customers: a first insert, then
     * random writes of every kind, each on a random handful of the invoices.
     */
    private List<String> script(Random random, String prefix) {
        int invoices = 20 + random.nextInt(20);
        List<String> script = new ArrayList<>();
        StringBuilder insert = new StringBuilder(
                "INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency, open_amount) VALUES ");
        for (int i = 0; i < invoices; i++) {
            int amount = 100 + random.nextInt(10_000);
            int open = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> amount;
                default -> 1 + random.nextInt(amount);
            };
            int issued = random.nextInt(300);
            insert.append(i == 0 ? "" : ", ")
                    .append("('%s%d', %d, DATE '2026-01-01' + %d, DATE '2026-01-01' + %d, %d, 'EUR', %d)"
                            .formatted(
                                    prefix,
                                    i,
                                    customers.get(random.nextInt(customers.size())),
                                    issued,
                                    issued + random.nextInt(60),
                                    amount,
                                    open));
        }
        script.add(insert.toString());
        for (int step = 0, steps = 4 + random.nextInt(6); step < steps; step++) {
            String which = "invoice_no = ANY(ARRAY[%s])".formatted(pick(random, prefix, invoices));
            script.add(
                    switch (random.nextInt(7)) {
                        case 0 ->
                            "UPDATE invoice SET open_amount = 0, last_allocated_on = DATE '2026-12-06' WHERE " + which;
                        case 1 ->
                            "UPDATE invoice SET open_amount = round(open_amount / 2, 2) WHERE open_amount > 1 AND "
                                    + which;
                        case 2 -> "UPDATE invoice SET open_amount = amount WHERE open_amount = 0 AND " + which;
                        case 3 ->
                            "UPDATE invoice SET amount = amount + 10, open_amount = open_amount + 10 WHERE " + which;
                        case 4 ->
                            "UPDATE invoice SET customer_id = %d WHERE %s"
                                    .formatted(customers.get(random.nextInt(customers.size())), which);
                        case 5 -> "UPDATE invoice SET order_no = 'no payment change' WHERE " + which;
                        default -> "DELETE FROM invoice WHERE " + which;
                    });
        }
        return script;
    }

    private static String pick(Random random, String prefix, int invoices) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
            numbers.add("'" + prefix + random.nextInt(invoices) + "'");
        }
        return String.join(", ", numbers);
    }
}
