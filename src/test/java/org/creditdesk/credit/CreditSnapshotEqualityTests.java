package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.credit.OrderFixtures.ADMIN;
import static org.creditdesk.credit.OrderFixtures.unique;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.ledger.BounceCheque;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.ReceivePayment;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit snapshot in plain steps (V136: one small statement per part, the overdue rule's shortcut through the
 * kept open amounts, uncleared cheques index-only) answers, to the text of every column, what V140's one statement
 * answered. V140's functions are kept under other names (test resource {@code credit_check_snapshot_v140.sql}) and
 * both are asked for seeded random customers with limits (overall, contract, foreign currency), securities (valid,
 * expired, in another currency), holds (active and lifted), account facts, rates, released orders, overdue invoices
 * in two currencies, partial and future-dated payments, recent and bounced cheques and disputes, on past, present
 * and future dates, in two amount currencies, under both dispute policies.
 */
@SpringBootTest
class CreditSnapshotEqualityTests {

    private static final String COLUMNS = """
            grace_days, target_currency, has_line, line_amount, line_currency, valid_from, valid_until, review_on,
            securities, total_currencies, total_open, total_released, total_unapplied, cheque_currencies,
            cheque_amounts, rate_currencies, rate_values, overdue_currencies, overdue_amounts, overdue_max_days,
            overdue_invoices, has_account, credit_state, stop_reason, legal, linked_to_stopped, bounced_cheque,
            risk_class, hold_ids, hold_reasons, hold_automatic, hold_notes, hold_placed_by, hold_placed_at""";

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
    PlatformTransactionManager transactions;

    @Test
    void the_snapshot_in_plain_steps_answers_what_the_one_statement_answered() {
        long seed = Long.getLong("snapshot.seed", System.nanoTime());
        System.out.println("CreditSnapshotEqualityTests seed " + seed + " (-Dsnapshot.seed=" + seed + " to repeat)");
        Random random = new Random(seed);
        keepTheOldFunctions();
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        LocalDate today = fx.today();
        rate("USD", "CNY", today.minusDays(200), "7.10000000");
        rate("USD", "CNY", today.minusDays(20), "7.20000000");
        rate("CNY", "USD", today.minusDays(200), "0.14000000");
        rate("EUR", "CNY", today.minusDays(100), "7.80000000");

        List<Map<String, Object>> cases = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            // The first has everything, so that every part is compared with figures whatever the seed.
            cases.addAll(randomCustomer(fx, random, today, n == 0));
        }
        // Whatever other tests left in the database too (empty accounts, other ledgers).
        cases.addAll(jdbc.sql("""
                        SELECT id, CAST(currency AS text) AS currency, CAST(NULL AS text) AS contract_no
                        FROM customer ORDER BY id DESC OFFSET 30 LIMIT 40
                        """).query().listOfRows());

        List<LocalDate> dates = new ArrayList<>(
                List.of(today, today.minusDays(30), today.minusDays(75), today.plusDays(40), today.minusDays(400)));
        for (int d = 0; d < 4; d++) {
            dates.add(today.minusDays(random.nextInt(240)));
        }
        int[] compared = {0, 0, 0};
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        for (boolean disputedCounts : List.of(true, false)) {
            rolledBack.executeWithoutResult(status -> {
                jdbc.sql("UPDATE credit_policy SET disputed_counts_for_hold = :counts WHERE id = 1")
                        .param("counts", disputedCounts)
                        .update();
                for (Map<String, Object> c : cases) {
                    for (LocalDate asOf : dates) {
                        for (String amountCurrency : List.of("CNY", "USD")) {
                            String before = row("credit_check_snapshot_v140", c, amountCurrency, asOf);
                            String now = row("credit_snapshot", c, amountCurrency, asOf);
                            assertThat(now)
                                    .as(
                                            "customer %s contract %s as of %s in %s, disputes count: %s (seed %d)",
                                            c.get("id"),
                                            c.get("contract_no"),
                                            asOf,
                                            amountCurrency,
                                            disputedCounts,
                                            seed)
                                    .isEqualTo(before);
                            compared[0]++;
                            if (!now.contains(",{},{},0,0,") || now.matches("^\\(\\d+,\\w+,t,.*")) compared[1]++;
                            if (!now.endsWith(",{},{},{},{},{},{})")) compared[2]++;
                        }
                    }
                }
                status.setRollbackOnly();
            });
        }
        assertThat(compared[0]).isEqualTo(cases.size() * dates.size() * 2 * 2);
        // Not only empty snapshots: lines and overdue invoices were among the compared rows, and active holds.
        assertThat(compared[1]).isGreaterThan(100);
        assertThat(compared[2]).isGreaterThan(0);
    }

    /** One customer with a random mix of what the snapshot reads; its snapshot cases (overall and contract). */
    private List<Map<String, Object>> randomCustomer(
            OrderFixtures fx, Random random, LocalDate today, boolean everything) {
        String currency = random.nextInt(4) == 0 ? "USD" : "CNY";
        boolean project = everything || random.nextBoolean();
        CustomerRef c = fx.customer("OT", project ? "VALUE_ADDED" : "VOLUME", currency);
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(Map.of("id", c.id(), "currency", currency, "contract_no", ""));
        if (everything || random.nextInt(3) > 0) {
            fx.limit(c, amount(random, 5_000, 50_000), random.nextInt(4) == 0 ? "USD" : currency, null);
        }
        if (project && (everything || random.nextBoolean())) {
            String contract = unique("K");
            fx.limit(c, amount(random, 1_000, 9_000), currency, contract);
            fx.order(c, unique("SO"), amount(random, 100, 900), null, contract);
            cases.add(Map.of("id", c.id(), "currency", currency, "contract_no", contract));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            fx.order(c, unique("SO"), amount(random, 100, 3_000), random.nextInt(5) == 0 ? "EUR" : null, null);
        }
        List<String> invoices = new ArrayList<>();
        for (int i = everything ? 5 : random.nextInt(5); i > 0; i--) {
            LocalDate issued = today.minusDays(random.nextInt(200));
            String invoice = unique("INV");
            String invoiceCurrency = random.nextInt(5) == 0 ? (currency.equals("CNY") ? "USD" : "CNY") : currency;
            ledger.issueInvoice(
                    new IssueInvoice(
                            invoice,
                            c.code(),
                            null,
                            issued,
                            issued.plusDays(random.nextInt(60)),
                            new BigDecimal(amount(random, 100, 2_000)),
                            invoiceCurrency,
                            null),
                    ADMIN);
            invoices.add(invoice);
            if (everything || random.nextInt(4) == 0) {
                long id = jdbc.sql("SELECT id FROM invoice WHERE invoice_no = :no")
                        .param("no", invoice)
                        .query(Long.class)
                        .single();
                jdbc.sql("""
                                INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on,
                                                             resolved_on, status, outcome, created_by)
                                VALUES (:customer, :invoice, 'QUALITY', :amount, :raised, :resolved,
                                        CASE WHEN CAST(:resolved AS date) IS NULL THEN 'OPEN' ELSE 'RESOLVED' END,
                                        CASE WHEN CAST(:resolved AS date) IS NULL THEN NULL ELSE 'REJECTED' END,
                                        'test')
                                """)
                        .param("customer", c.id())
                        .param("invoice", id)
                        .param("amount", new BigDecimal(amount(random, 10, 90)))
                        .param("raised", issued.plusDays(random.nextInt(20)))
                        .param("resolved", random.nextBoolean() ? null : today.minusDays(random.nextInt(30)))
                        .update();
            }
        }
        for (int i = everything ? 4 : random.nextInt(4); i > 0; i--) {
            boolean cheque = everything || random.nextBoolean();
            String payment = unique("PAY");
            // Some dated ahead of today: allocations after the date take the overdue rule's replay.
            LocalDate received = today.minusDays(random.nextInt(120) - 5);
            ledger.receivePayment(
                    new ReceivePayment(
                            payment,
                            c.code(),
                            received,
                            new BigDecimal(amount(random, 50, 1_500)),
                            null,
                            cheque ? "CHEQUE" : "BANK_TRANSFER",
                            cheque ? "CHQ-" + payment : null,
                            null),
                    ADMIN);
            if (cheque && random.nextInt(3) == 0) {
                ledger.bounce(payment, new BounceCheque(received.plusDays(random.nextInt(10)), "no funds"), ADMIN);
            }
        }
        if (everything || random.nextInt(3) == 0) {
            jdbc.sql("""
                            INSERT INTO credit_security (customer_id, contract_no, type, amount, currency, expires_on,
                                                         created_by, created_at)
                            VALUES (:customer, NULL, 'BANK_GUARANTEE', :amount, :currency, :expires, 'test', now())
                            """)
                    .param("customer", c.id())
                    .param("amount", new BigDecimal(amount(random, 500, 5_000)))
                    .param("currency", random.nextInt(4) == 0 ? "EUR" : currency)
                    .param("expires", today.plusDays(random.nextInt(120) - 60))
                    .update();
        }
        if (everything || random.nextInt(3) == 0) {
            jdbc.sql("""
                            INSERT INTO credit_account (customer_id, credit_state, stop_reason, legal, linked_to_stopped,
                                                        bounced_cheque, risk_class)
                            VALUES (:customer, 'ON_HOLD', 'overdue', :legal, :linked, :bounced, :risk)
                            ON CONFLICT (customer_id) DO UPDATE
                            SET credit_state = 'ON_HOLD', stop_reason = 'overdue', legal = EXCLUDED.legal,
                                linked_to_stopped = EXCLUDED.linked_to_stopped,
                                bounced_cheque = EXCLUDED.bounced_cheque, risk_class = EXCLUDED.risk_class
                            """)
                    .param("customer", c.id())
                    .param("legal", random.nextBoolean())
                    .param("linked", random.nextBoolean())
                    .param("bounced", random.nextBoolean())
                    .param("risk", List.of("A", "C", "E").get(random.nextInt(3)))
                    .update();
            for (String reason : List.of("OVERDUE", "MANUAL")) {
                if (!everything && random.nextBoolean()) continue;
                jdbc.sql("""
                                INSERT INTO customer_hold (customer_id, reason, automatic, note, placed_by, placed_at,
                                                           lifted_by, lifted_at)
                                VALUES (:customer, :reason, :automatic, :note, 'test', now() - interval '3 days',
                                        :lifted, CASE WHEN CAST(:lifted AS text) IS NULL THEN NULL ELSE now() END)
                                """)
                        .param("customer", c.id())
                        .param("reason", reason)
                        .param("automatic", reason.equals("OVERDUE"))
                        .param("note", random.nextBoolean() ? null : "held: " + reason)
                        .param("lifted", !everything && random.nextInt(3) == 0 ? "test" : null)
                        .update();
            }
        }
        return cases;
    }

    private void keepTheOldFunctions() {
        try {
            String text = new ClassPathResource("org/creditdesk/credit/credit_check_snapshot_v140.sql")
                    .getContentAsString(StandardCharsets.UTF_8);
            for (String statement : text.split("-- next statement\n")) {
                jdbc.sql(statement).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rate(String from, String to, LocalDate validOn, String rate) {
        jdbc.sql("""
                        INSERT INTO exchange_rate (from_currency, to_currency, valid_on, rate, updated_by, updated_at)
                        VALUES (:from, :to, :validOn, :rate, 'test', now())
                        ON CONFLICT DO NOTHING
                        """)
                .param("from", from)
                .param("to", to)
                .param("validOn", validOn)
                .param("rate", new BigDecimal(rate))
                .update();
    }

    private static String amount(Random random, int from, int to) {
        return (from + random.nextInt(to - from)) + "." + String.format("%02d", random.nextInt(100));
    }

    private String row(String function, Map<String, Object> c, String amountCurrency, LocalDate asOf) {
        String contract = (String) c.get("contract_no");
        return jdbc.sql("SELECT CAST(ROW(" + COLUMNS + ") AS text) FROM " + function
                        + "(:id, :contract, :currency, :amountCurrency, :asOf)")
                .param("id", c.get("id"))
                .param("contract", contract == null || contract.isEmpty() ? null : contract)
                .param("currency", c.get("currency"))
                .param("amountCurrency", amountCurrency)
                .param("asOf", asOf)
                .query(String.class)
                .single();
    }
}
