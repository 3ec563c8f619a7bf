package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditdesk.identity.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The published {@code ledger_receivables_summary} (V114; since V115 rebuilding only the candidate documents),
 * which the customer read reads with the customer in one statement, gives exactly what the ledger's summary
 * statement gave before it, to the scale: every customer in the test database (this class's own with orders,
 * partial payments, credit notes on an invoice and on account, a settled cheque that bounced and an unapplied one
 * that bounced, and whatever other tests left) on every third day across the documents' dates, then every tenth
 * day to midsummer and after today. Since V135 the function reads the kept open amounts when nothing was settled,
 * reversed or bounced after the date: both branches are compared, each on customers with open, overdue and
 * unapplied figures.
 */
@SpringBootTest
class ReceivablesSummaryFunctionTests {

    private static final String SUMMARY_BEFORE_V114 = """
        WITH customer_currency AS (
            SELECT currency FROM customer WHERE id = :customerId
        ),
        settled AS (
            SELECT a.invoice_id, a.payment_id, a.credit_note_id, a.amount
            FROM allocation a
            WHERE a.customer_id = :customerId
              AND a.allocated_on <= CAST(:asOf AS date)
              AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
        ),
        by_invoice AS (
            SELECT invoice_id, sum(amount) AS amount FROM settled WHERE invoice_id IS NOT NULL GROUP BY invoice_id
        ),
        by_payment AS (
            SELECT payment_id, sum(amount) AS amount FROM settled WHERE payment_id IS NOT NULL GROUP BY payment_id
        ),
        by_credit_note AS (
            SELECT credit_note_id, sum(amount) AS amount FROM settled WHERE credit_note_id IS NOT NULL
            GROUP BY credit_note_id
        ),
        open_items AS (
            SELECT i.due_date, i.amount - coalesce(s.amount, 0) AS open_amount
            FROM invoice i
            LEFT JOIN by_invoice s ON s.invoice_id = i.id
            WHERE i.customer_id = :customerId
              AND i.currency = (SELECT currency FROM customer_currency)
              AND i.issue_date <= CAST(:asOf AS date)
        ),
        unapplied AS (
            SELECT p.amount - coalesce(s.amount, 0) AS amount
            FROM payment p
            LEFT JOIN by_payment s ON s.payment_id = p.id
            WHERE p.customer_id = :customerId
              AND p.currency = (SELECT currency FROM customer_currency)
              AND p.received_on <= CAST(:asOf AS date)
              AND (p.bounced_on IS NULL OR p.bounced_on > CAST(:asOf AS date))
            UNION ALL
            SELECT n.amount - coalesce(s.amount, 0)
            FROM credit_note n
            LEFT JOIN by_credit_note s ON s.credit_note_id = n.id
            WHERE n.customer_id = :customerId
              AND n.currency = (SELECT currency FROM customer_currency)
              AND n.issue_date <= CAST(:asOf AS date)
        )
        SELECT
            (SELECT coalesce(sum(open_amount), 0) FROM open_items WHERE open_amount > 0) AS open_receivables,
            (SELECT coalesce(sum(open_amount), 0) FROM open_items
             WHERE open_amount > 0 AND due_date < CAST(:asOf AS date)) AS overdue_amount,
            (SELECT coalesce(max(CAST(:asOf AS date) - due_date), 0) FROM open_items
             WHERE open_amount > 0 AND due_date < CAST(:asOf AS date)) AS max_days_overdue,
            (SELECT coalesce(sum(o.amount), 0) FROM sales_order o
             WHERE o.customer_id = :customerId
               AND o.currency = (SELECT currency FROM customer_currency)
               AND o.status = 'RELEASED'
               AND o.order_date <= CAST(:asOf AS date)) AS released_orders,
            (SELECT coalesce(sum(amount), 0) FROM unapplied) AS unapplied_cash
        """;

    private static final String SUMMARY_V114 = """
            SELECT open_receivables, overdue_amount, max_days_overdue, released_orders, unapplied_cash
            FROM ledger_receivables_summary(:customerId, CAST(:asOf AS date))
            """;

    // V135's condition for reading the kept open amounts instead of replaying the allocations.
    private static final String NOTHING_CHANGED_AFTER = """
            SELECT NOT EXISTS (SELECT 1 FROM allocation a
                               WHERE a.customer_id = :customerId AND a.allocated_on > CAST(:asOf AS date))
               AND NOT EXISTS (SELECT 1 FROM allocation a
                               WHERE a.customer_id = :customerId AND a.reversed_on > CAST(:asOf AS date))
               AND NOT EXISTS (SELECT 1 FROM payment p
                               WHERE p.customer_id = :customerId AND p.bounced_on > CAST(:asOf AS date))
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void the_published_summary_equals_the_statement_it_replaces_for_every_customer_and_date() {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        String customer = fixtures.customer("NORTH", "CNY");
        Caller system = Caller.SYSTEM;
        String order = LedgerFixtures.unique("SO");
        ledger.recordOrder(
                new RecordOrder(order, customer, day("2025-01-05"), amount("1000.00"), null, null, null), system);
        ledger.recordOrder(
                new RecordOrder(
                        LedgerFixtures.unique("SO"), customer, day("2025-02-20"), amount("300.00"), null, null, null),
                system);
        String first = LedgerFixtures.unique("INV");
        ledger.issueInvoice(
                new IssueInvoice(
                        first, customer, order, day("2025-01-10"), day("2025-02-09"), amount("1000.00"), null, null),
                system);
        String second = LedgerFixtures.unique("INV");
        ledger.issueInvoice(
                new IssueInvoice(
                        second, customer, null, day("2025-01-15"), day("2025-02-14"), amount("500.00"), null, null),
                system);
        ledger.issueInvoice(
                new IssueInvoice(
                        LedgerFixtures.unique("INV"),
                        customer,
                        null,
                        day("2025-03-01"),
                        day("2025-03-31"),
                        amount("720.50"),
                        null,
                        null),
                system);
        ledger.receivePayment(
                new ReceivePayment(
                        LedgerFixtures.unique("PAY"),
                        customer,
                        day("2025-02-01"),
                        amount("600.00"),
                        null,
                        "BANK_TRANSFER",
                        null,
                        null),
                system);
        String cheque = LedgerFixtures.unique("PAY");
        ledger.receivePayment(
                new ReceivePayment(
                        cheque,
                        customer,
                        day("2025-02-20"),
                        amount("200.00"),
                        null,
                        "CHEQUE",
                        LedgerFixtures.unique("CHQ"),
                        null),
                system);
        ledger.bounce(cheque, new BounceCheque(day("2025-03-05"), "insufficient funds"), system);
        ledger.issueCreditNote(
                new IssueCreditNote(
                        LedgerFixtures.unique("CN"),
                        customer,
                        second,
                        day("2025-02-05"),
                        amount("150.00"),
                        "damaged goods",
                        null),
                system);
        ledger.issueCreditNote(
                new IssueCreditNote(
                        LedgerFixtures.unique("CN"),
                        customer,
                        null,
                        day("2025-02-06"),
                        amount("80.00"),
                        "volume rebate",
                        null),
                system);
        ledger.receivePayment(
                new ReceivePayment(
                        LedgerFixtures.unique("PAY"),
                        customer,
                        day("2025-03-20"),
                        amount("5000.00"),
                        null,
                        "BANK_TRANSFER",
                        null,
                        null),
                system);

        // A cheque received with nothing to settle and bounced later: unapplied until the bounce.
        String prepaid = fixtures.customer("NORTH", "CNY");
        String returned = LedgerFixtures.unique("PAY");
        ledger.receivePayment(
                new ReceivePayment(
                        returned,
                        prepaid,
                        day("2025-02-01"),
                        amount("300.00"),
                        null,
                        "CHEQUE",
                        LedgerFixtures.unique("CHQ"),
                        null),
                system);
        ledger.bounce(returned, new BounceCheque(day("2025-03-01"), "account closed"), system);

        // Partly paid and overdue at the end, with a released order and an unapplied credit note: what the read
        // of the kept open amounts (V135) must sum as the replay does.
        String partly = fixtures.customer("NORTH", "CNY");
        String partlyOrder = LedgerFixtures.unique("SO");
        ledger.recordOrder(
                new RecordOrder(partlyOrder, partly, day("2025-01-02"), amount("900.00"), null, null, null), system);
        ledger.recordOrder(
                new RecordOrder(
                        LedgerFixtures.unique("SO"), partly, day("2025-03-10"), amount("250.00"), null, null, null),
                system);
        ledger.issueInvoice(
                new IssueInvoice(
                        LedgerFixtures.unique("INV"),
                        partly,
                        partlyOrder,
                        day("2025-01-12"),
                        day("2025-02-11"),
                        amount("900.00"),
                        null,
                        null),
                system);
        ledger.issueInvoice(
                new IssueInvoice(
                        LedgerFixtures.unique("INV"),
                        partly,
                        null,
                        day("2025-03-02"),
                        day("2025-05-01"),
                        amount("410.25"),
                        null,
                        null),
                system);
        ledger.receivePayment(
                new ReceivePayment(
                        LedgerFixtures.unique("PAY"),
                        partly,
                        day("2025-02-25"),
                        amount("333.33"),
                        null,
                        "BANK_TRANSFER",
                        null,
                        null),
                system);
        ledger.issueCreditNote(
                new IssueCreditNote(
                        LedgerFixtures.unique("CN"),
                        partly,
                        null,
                        day("2025-03-12"),
                        amount("45.00"),
                        "volume rebate",
                        null),
                system);

        long own = fixtures.customerId(customer);
        long partlyId = fixtures.customerId(partly);
        List<Long> customers = new ArrayList<>(jdbc.sql("SELECT id FROM customer ORDER BY id DESC LIMIT 300")
                .query(Long.class)
                .list());
        if (!customers.contains(own)) customers.add(own);
        if (!customers.contains(fixtures.customerId(prepaid))) customers.add(fixtures.customerId(prepaid));
        if (!customers.contains(partlyId)) customers.add(partlyId);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = day("2025-01-01"); d.isBefore(day("2025-04-15")); d = d.plusDays(3)) dates.add(d);
        for (LocalDate d = day("2025-04-15"); d.isBefore(day("2025-07-01")); d = d.plusDays(10)) dates.add(d);
        dates.add(LocalDate.now());
        dates.add(LocalDate.now().plusDays(1));

        int compared = 0;
        int keptAmountsWithFigures = 0;
        int replayedWithFigures = 0;
        boolean ownHadFigures = false;
        for (long id : customers) {
            for (LocalDate asOf : dates) {
                Map<String, Object> before = row(SUMMARY_BEFORE_V114, id, asOf);
                Map<String, Object> after = row(SUMMARY_V114, id, asOf);
                assertThat(after).as("customer %d as of %s", id, asOf).isEqualTo(before);
                compared++;
                if (id == own && ((BigDecimal) after.get("open_receivables")).signum() > 0) ownHadFigures = true;
                boolean figures = ((BigDecimal) after.get("open_receivables")).signum() > 0
                        || ((BigDecimal) after.get("unapplied_cash")).signum() > 0;
                if (figures) {
                    if (nothingChangedAfter(id, asOf)) keptAmountsWithFigures++;
                    else replayedWithFigures++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(dates.size());
        assertThat(keptAmountsWithFigures)
                .as("dates read from the kept open amounts, with figures")
                .isPositive();
        assertThat(replayedWithFigures)
                .as("dates replayed from allocations, with figures")
                .isPositive();
        Map<String, Object> partlyLate = row(SUMMARY_V114, partlyId, day("2025-06-04"));
        assertThat(nothingChangedAfter(partlyId, day("2025-06-04"))).isTrue();
        assertThat(partlyLate)
                .containsEntry("open_receivables", amount("976.92"))
                .containsEntry("overdue_amount", amount("976.92"))
                .containsEntry("max_days_overdue", 113)
                .containsEntry("released_orders", amount("250.00"))
                .containsEntry("unapplied_cash", amount("45.00"));
        assertThat(ownHadFigures)
                .as("the fixture's own receivables were compared, not only zeros")
                .isTrue();
        assertThat(row(SUMMARY_V114, own, day("2025-03-01"))).containsEntry("max_days_overdue", 20);
    }

    private boolean nothingChangedAfter(long customerId, LocalDate asOf) {
        return jdbc.sql(NOTHING_CHANGED_AFTER)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .query(Boolean.class)
                .single();
    }

    private Map<String, Object> row(String sql, long customerId, LocalDate asOf) {
        return jdbc.sql(sql)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .query()
                .singleRow();
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static BigDecimal amount(String text) {
        return new BigDecimal(text);
    }
}
