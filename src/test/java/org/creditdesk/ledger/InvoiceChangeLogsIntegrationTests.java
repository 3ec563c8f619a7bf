package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * The change-log trigger (R__invoice_change_logs) on invoice, open_item and paid_item logs, for every kind of write
 * of the ledger's invoices — new invoices open and paid, payments in full (an open item becomes a paid item) and in
 * part (an open item's amount falls), reopenings (a paid item becomes an open item again), customer moves, edits that
 * change no amount, deletes — the distinct customers of the rows written into the worklist's, today's aging's and
 * today's escalation facts' logs, and into scoring's log those of them with a paid invoice among the rows written
 * (before or after), as the four invoice triggers it replaced (V53, V133, V149, V154) did when the open amount was a
 * column of invoice. A random script of such writes runs in a rolled-back transaction; after every statement each
 * log holds what a model of the invoices says.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvoiceChangeLogsIntegrationTests {

    static final List<String> LOGS = List.of(
            "collections_worklist_touched", "aging_today_touched", "escalation_today_touched", "score_closed_touched");

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
    void a_hand_edit_of_an_invoice_reaches_the_copies_in_its_open_or_paid_item() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Invoice> book = new TreeMap<>();
            book.put("EDIT-OPEN", new Invoice(customers.get(0), false));
            book.put("EDIT-PAID", new Invoice(customers.get(0), true));
            jdbc.sql(insert(new Random(7), book)).update();
            jdbc.sql("""
                            UPDATE invoice SET customer_id = :to, issue_date = DATE '2025-12-01', due_date = DATE '2026-02-01',
                                               currency = 'CNY', amount = amount + 1
                            WHERE invoice_no IN ('EDIT-OPEN', 'EDIT-PAID')""").param("to", customers.get(1)).update();
            assertThat(jdbc.sql("""
                                    SELECT count(*) FROM invoice i
                                    JOIN (SELECT id, customer_id, issue_date, due_date, currency, amount FROM open_item
                                          UNION ALL
                                          SELECT id, customer_id, issue_date, due_date, currency, amount FROM paid_item) x
                                      ON x.id = i.id
                                    WHERE i.invoice_no IN ('EDIT-OPEN', 'EDIT-PAID')
                                      AND (x.customer_id, x.issue_date, x.due_date, x.currency, x.amount)
                                          = (i.customer_id, i.issue_date, i.due_date, i.currency, i.amount)""").query(Long.class).single())
                    .as("invoices whose item has the invoice's customer, dates, currency and amount")
                    .isEqualTo(2);
        });
    }

    @Test
    void each_table_of_open_amounts_has_its_change_log_triggers_and_invoice_none_of_the_four_replaced() {
        List<String> triggers = jdbc.sql("""
                        SELECT tgrelid::regclass || ' ' || tgname FROM pg_trigger
                        WHERE tgrelid IN ('invoice'::regclass, 'open_item'::regclass, 'paid_item'::regclass)
                          AND NOT tgisinternal
                          AND (tgname LIKE '%\\_change\\_logs\\_%' OR tgname LIKE 'invoice\\_worklist\\_%'
                               OR tgname LIKE 'invoice\\_aging\\_%' OR tgname LIKE 'invoice\\_escalation\\_%'
                               OR tgname LIKE 'invoice\\_score\\_closed\\_%')
                        ORDER BY 1
                        """).query(String.class).list();
        assertThat(triggers)
                .containsExactly(
                        "invoice invoice_change_logs_del",
                        "invoice invoice_change_logs_ins",
                        "invoice invoice_change_logs_upd",
                        "open_item open_item_change_logs_upd",
                        "paid_item paid_item_change_logs_del",
                        "paid_item paid_item_change_logs_ins");
    }

    @RepeatedTest(3)
    void every_write_of_open_amounts_logs_its_customers_and_scoring_those_with_a_paid_invoice() {
        long seed = Long.getLong("invoice.logs.seed", new Random().nextLong());
        System.out.println("InvoiceChangeLogsIntegrationTests seed " + seed);
        Random random = new Random(seed);
        String prefix = "L" + Long.toHexString(seed & 0xffffffffL) + "-";
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            Map<String, Invoice> book = new TreeMap<>();
            int invoices = 20 + random.nextInt(20);
            for (int i = 0; i < invoices; i++) {
                book.put(
                        prefix + i,
                        new Invoice(customers.get(random.nextInt(customers.size())), random.nextInt(3) == 0));
            }
            int logged = 0;
            logged += step(seed, insert(random, book), allOf(book.values()), paidOf(book.values()));
            for (int step = 0, steps = 6 + random.nextInt(8); step < steps; step++) {
                List<String> picked = pick(random, book);
                List<Invoice> chosen = picked.stream().map(book::get).toList();
                String which = "(SELECT id FROM invoice WHERE invoice_no = ANY(ARRAY[%s]))"
                        .formatted(picked.stream().map(no -> "'" + no + "'").collect(Collectors.joining(", ")));
                List<Invoice> open = chosen.stream().filter(i -> !i.paid).toList();
                List<Invoice> paid = chosen.stream().filter(i -> i.paid).toList();
                switch (random.nextInt(6)) {
                    case 0 -> {
                        logged += step(seed, """
                                WITH settled AS (DELETE FROM open_item WHERE id IN %s RETURNING *)
                                INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount,
                                                       last_allocated_on)
                                SELECT id, customer_id, issue_date, due_date, currency, amount, DATE '2026-12-06'
                                FROM settled""".formatted(which), allOf(open), allOf(open));
                        open.forEach(i -> i.paid = true);
                    }
                    case 1 ->
                        logged += step(
                                seed,
                                "UPDATE open_item SET open_amount = round(open_amount / 2, 2) WHERE id IN " + which,
                                allOf(open),
                                Set.of());
                    case 2 -> {
                        logged += step(seed, """
                                WITH reopened AS (DELETE FROM paid_item WHERE id IN %s RETURNING *)
                                INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount,
                                                       open_amount)
                                SELECT id, customer_id, issue_date, due_date, currency, amount, amount
                                FROM reopened""".formatted(which), allOf(paid), allOf(paid));
                        paid.forEach(i -> i.paid = false);
                    }
                    case 3 -> {
                        long to = customers.get(random.nextInt(customers.size()));
                        Set<Long> before = allOf(chosen);
                        Set<Long> paidBefore = paidOf(chosen);
                        chosen.forEach(i -> i.customer = to);
                        Set<Long> touched = new TreeSet<>(before);
                        touched.addAll(allOf(chosen));
                        Set<Long> paidTouched = new TreeSet<>(paidBefore);
                        paidTouched.addAll(paidOf(chosen));
                        logged += step(
                                seed,
                                "UPDATE invoice SET customer_id = %d WHERE id IN %s".formatted(to, which),
                                touched,
                                paidTouched);
                    }
                    case 4 ->
                        logged += step(
                                seed,
                                "UPDATE invoice SET order_no = 'no payment change' WHERE id IN " + which,
                                allOf(chosen),
                                paidOf(chosen));
                    default -> {
                        logged += step(seed, "DELETE FROM invoice WHERE id IN " + which, allOf(chosen), paidOf(chosen));
                        picked.forEach(book::remove);
                    }
                }
            }
            assertThat(logged).as("seed %d: the script logs something", seed).isPositive();
        });
    }

    private static final class Invoice {
        long customer;
        boolean paid;

        Invoice(long customer, boolean paid) {
            this.customer = customer;
            this.paid = paid;
        }
    }

    /** Runs one statement; each log must hold exactly the expected customers among its new rows. */
    private int step(long seed, String statement, Set<Long> touched, Set<Long> paidTouched) {
        List<Long> before = LOGS.stream().map(this::lastId).toList();
        jdbc.sql(statement).update();
        int rows = 0;
        for (int k = 0; k < LOGS.size(); k++) {
            List<Long> logged = jdbc.sql("SELECT customer_id FROM " + LOGS.get(k)
                            + " WHERE id > :after AND customer_id = ANY(CAST(:ids AS bigint[]))")
                    .param("after", before.get(k))
                    .param("ids", customers.toArray(Long[]::new))
                    .query(Long.class)
                    .list();
            rows += logged.size();
            assertThat(new TreeSet<>(logged))
                    .as("seed %d, %s after: %s", seed, LOGS.get(k), statement)
                    .isEqualTo(k == 3 ? new TreeSet<>(paidTouched) : new TreeSet<>(touched));
        }
        return rows;
    }

    private long lastId(String log) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM " + log)
                .query(Long.class)
                .single();
    }

    /** The invoices in one statement, open or paid in full, as the ledger writes them: each with its item. */
    private static String insert(Random random, Map<String, Invoice> book) {
        List<String> rows = new ArrayList<>();
        for (var entry : book.entrySet()) {
            int amount = 100 + random.nextInt(10_000);
            int issued = random.nextInt(300);
            rows.add("('%s', %d, DATE '2026-01-01' + %d, DATE '2026-01-01' + %d, %d, %s)"
                    .formatted(
                            entry.getKey(),
                            entry.getValue().customer,
                            issued,
                            issued + random.nextInt(60),
                            amount,
                            entry.getValue().paid ? "0" : String.valueOf(1 + random.nextInt(amount))));
        }
        return """
                WITH x (invoice_no, customer_id, issue_date, due_date, amount, open_amount) AS (VALUES %s),
                    written AS (
                        INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                        SELECT invoice_no, customer_id, issue_date, due_date, amount, 'EUR' FROM x
                        RETURNING *),
                    opened AS (
                        INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, amount, open_amount)
                        SELECT w.id, w.customer_id, w.issue_date, w.due_date, w.currency, w.amount, x.open_amount
                        FROM written w JOIN x USING (invoice_no) WHERE x.open_amount > 0)
                INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount, last_allocated_on)
                SELECT w.id, w.customer_id, w.issue_date, w.due_date, w.currency, w.amount, DATE '2026-12-06'
                FROM written w JOIN x USING (invoice_no) WHERE x.open_amount = 0""".formatted(String.join(", ", rows));
    }

    private static Set<Long> allOf(Collection<Invoice> invoices) {
        return invoices.stream().map(i -> i.customer).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> paidOf(Collection<Invoice> invoices) {
        return invoices.stream()
                .filter(i -> i.paid)
                .map(i -> i.customer)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> pick(Random random, Map<String, Invoice> book) {
        List<String> numbers = new ArrayList<>(book.keySet());
        Set<String> picked = new TreeSet<>();
        for (int i = 0, n = 1 + random.nextInt(8); i < n && !numbers.isEmpty(); i++) {
            picked.add(numbers.get(random.nextInt(numbers.size())));
        }
        return List.copyOf(picked);
    }
}
