package org.creditdesk.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI statement against a straightforward recomputation in Java from the ledger's rows, on small seeded
 * random books (the seed is printed), and the rep history rule: invoices stay with the rep at issue.
 */
@SpringBootTest
class AppraisalKpiIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Appraisals appraisals;

    AppraisalFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new AppraisalFixtures(jdbc, ledger, transactions);
    }

    record Book(
            List<String> reps,
            Map<String, TreeMap<LocalDate, String>> repsOf,
            List<String> customers,
            Map<String, LocalDate> promises,
            Map<String, LocalDate> bounces) {

        String repOf(String customer, LocalDate on) {
            var entry = repsOf.get(customer).floorEntry(on);
            return entry == null ? null : entry.getValue();
        }
    }

    @Test
    void kpis_equal_a_straightforward_recomputation_from_the_ledger() {
        long seed = System.nanoTime();
        System.out.println("AppraisalKpiIntegrationTests seed " + seed);
        Random random = new Random(seed);
        Book book = book(random);
        int grace = jdbc.sql("SELECT credit_grace_days()").query(Integer.class).single();
        List<String[]> cases = List.of(
                new String[] {"2025-Q1", "2025-06-30"},
                new String[] {"2025-01", "2025-01-20"},
                new String[] {"2025-02", "2025-12-31"},
                new String[] {"2024-Q4", "2024-12-31"},
                new String[] {"2025", "2025-09-30"});
        for (String[] c : cases) {
            AppraisalPeriod period = AppraisalPeriod.parse(c[0]).orElseThrow();
            LocalDate asOf = LocalDate.parse(c[1]);
            for (String rep : book.reps()) {
                KpiRow actual = appraisals
                        .kpis(period.key(), asOf, rep, null, Caller.SYSTEM)
                        .getFirst();
                RepKpis expected = recompute(book, rep, period, asOf, grace);
                String what = "seed %d, %s as of %s, %s".formatted(seed, period.key(), asOf, rep);
                assertThat(actual.invoiced()).as(what + " invoiced").isEqualByComparingTo(expected.invoiced());
                assertThat(actual.collected()).as(what + " collected").isEqualByComparingTo(expected.collected());
                assertThat(actual.collectedOnTimeShare())
                        .as(what + " on time")
                        .isEqualTo(expected.collectedOnTimeShare());
                assertThat(actual.overdueAmount()).as(what + " overdue").isEqualByComparingTo(expected.overdueAmount());
                assertThat(actual.overdueShare()).as(what + " overdue share").isEqualTo(expected.overdueShare());
                assertThat(actual.dso()).as(what + " dso").isEqualByComparingTo(expected.dso());
                assertThat(actual.writtenOff()).as(what + " written off").isEqualByComparingTo(expected.writtenOff());
                assertThat(actual.brokenPromises()).as(what + " promises").isEqualTo(expected.brokenPromises());
                assertThat(actual.bouncedChequeStops()).as(what + " bounces").isEqualTo(expected.bouncedChequeStops());
                assertThat(actual.releasedOrdersLater60Overdue())
                        .as(what + " releases")
                        .isEqualTo(expected.releasedOrdersLater60Overdue());
                BigDecimal points = actual.kpiComponents().stream()
                        .map(KpiComponent::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(actual.kpiScore()).as(what + " score adds up").isEqualByComparingTo(points);
            }
        }
    }

    @Test
    void a_released_blocked_order_counts_once_its_invoice_is_60_days_overdue() {
        String area = fixtures.area();
        String rep = fixtures.rep(area);
        String customer = fixtures.customer(area, rep);
        String invoice = fixtures.invoice(
                customer, LocalDate.of(2025, 2, 3), LocalDate.of(2025, 3, 5), new BigDecimal("500.00"));
        fixtures.releasedOrder(customer, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 2), invoice);

        assertThat(released(rep, "2025-05-03")).as("59 days overdue").isZero();
        assertThat(released(rep, "2025-05-04")).as("60 days overdue").isEqualTo(1);
        fixtures.pay(customer, LocalDate.of(2025, 5, 4), new BigDecimal("500.00"), invoice);
        assertThat(released(rep, "2025-06-30"))
                .as("paid on the 60th day: never 60 days overdue")
                .isZero();
    }

    private int released(String rep, String asOf) {
        return appraisals
                .kpis("2025-Q1", LocalDate.parse(asOf), rep, null, Caller.SYSTEM)
                .getFirst()
                .releasedOrdersLater60Overdue();
    }

    @Test
    void reassigning_a_customer_does_not_move_its_history() {
        String area = fixtures.area();
        String before = fixtures.rep(area);
        String after = fixtures.rep(area);
        String customer = fixtures.customer(area, before);
        fixtures.invoice(customer, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 2, 10), new BigDecimal("1000.00"));
        fixtures.handOver(customer, after, LocalDate.of(2025, 2, 1));
        fixtures.invoice(customer, LocalDate.of(2025, 2, 15), LocalDate.of(2025, 3, 15), new BigDecimal("300.00"));

        assertThat(fixtures.repOn(customer, LocalDate.of(2025, 1, 31))).isEqualTo(before);
        assertThat(fixtures.repOn(customer, LocalDate.of(2025, 2, 1))).isEqualTo(after);
        assertThat(invoiced(before)).isEqualByComparingTo("1000.00");
        assertThat(invoiced(after)).isEqualByComparingTo("300.00");

        // A later change (as the API, a page or an import makes it) adds a row from today, keeping the past.
        jdbc.sql("UPDATE customer SET sales_rep = :rep WHERE code = :code")
                .param("rep", before)
                .param("code", customer)
                .update();
        assertThat(invoiced(before)).isEqualByComparingTo("1000.00");
        assertThat(invoiced(after)).isEqualByComparingTo("300.00");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM customer_sales_rep_history h JOIN customer c ON c.id = h.customer_id
                        WHERE c.code = :code""").param("code", customer).query(Integer.class).single())
                .isEqualTo(3);
    }

    private BigDecimal invoiced(String rep) {
        return appraisals
                .kpis("2025-Q1", LocalDate.of(2025, 6, 30), rep, null, Caller.SYSTEM)
                .getFirst()
                .invoiced();
    }

    // ---------------------------------------------------------------------------------------------------

    private Book book(Random random) {
        String area = fixtures.area();
        List<String> reps = List.of(fixtures.rep(area), fixtures.rep(area), fixtures.rep(area));
        Map<String, TreeMap<LocalDate, String>> repsOf = new HashMap<>();
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            String rep = reps.get(random.nextInt(2));
            String customer = fixtures.customer(area, rep);
            customers.add(customer);
            repsOf.computeIfAbsent(customer, k -> new TreeMap<>()).put(LocalDate.MIN, rep);
        }
        LocalDate handover = LocalDate.of(2025, 2, 10);
        fixtures.handOver(customers.getFirst(), reps.get(2), handover);
        repsOf.get(customers.getFirst()).put(handover, reps.get(2));

        List<String> payments = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 3, 1);
        for (String customer : customers) {
            for (int i = 0; i < 10; i++) {
                LocalDate issued = first.plusDays(random.nextInt(480));
                LocalDate due = issued.plusDays(List.of(0, 30, 60).get(random.nextInt(3)));
                BigDecimal amount = BigDecimal.valueOf(10_000 + random.nextInt(990_000), 2);
                String invoice = fixtures.invoice(customer, issued, due, amount);
                double r = random.nextDouble();
                if (r < 0.45) {
                    payments.add(fixtures.pay(customer, issued.plusDays(random.nextInt(100)), amount, invoice));
                } else if (r < 0.7) {
                    BigDecimal part = amount.divide(BigDecimal.TWO, 2, RoundingMode.DOWN);
                    payments.add(fixtures.pay(customer, issued.plusDays(random.nextInt(80)), part, invoice));
                    if (random.nextBoolean()) {
                        fixtures.credit(
                                customer,
                                invoice,
                                issued.plusDays(90 + random.nextInt(60)),
                                amount.subtract(part),
                                "WRITE_OFF: bankrupt");
                    }
                } else if (r < 0.8) {
                    fixtures.credit(customer, invoice, issued.plusDays(random.nextInt(40)), amount, "Quality discount");
                }
            }
        }
        fixtures.reverse(payments.get(random.nextInt(payments.size())), LocalDate.of(2025, 1, 25));
        fixtures.reverse(payments.get(random.nextInt(payments.size())), LocalDate.of(2025, 3, 20));
        Map<String, LocalDate> promises = new HashMap<>();
        Map<String, LocalDate> bounces = new HashMap<>();
        for (String customer : customers) {
            LocalDate promised = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(120));
            fixtures.brokenPromise(customer, promised);
            promises.put(customer, promised);
            if (random.nextBoolean()) {
                LocalDate bounced = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(120));
                fixtures.bounce(customer, bounced);
                bounces.put(customer, bounced);
            }
        }
        return new Book(reps, repsOf, customers, promises, bounces);
    }

    record Inv(long id, String customer, LocalDate issue, LocalDate due, BigDecimal amount) {}

    record Alloc(long invoiceId, LocalDate on, LocalDate reversed, BigDecimal amount, String kind) {}

    private RepKpis recompute(Book book, String rep, AppraisalPeriod period, LocalDate asOf, int grace) {
        LocalDate from = period.start();
        LocalDate end = asOf.isBefore(period.end()) ? asOf : period.end();
        List<Inv> invoices = jdbc.sql("""
                        SELECT i.id, c.code AS customer, i.issue_date AS issue, i.due_date AS due, i.amount
                        FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE c.code IN (:codes)""").param("codes", book.customers()).query(Inv.class).list().stream()
                .filter(i -> rep.equals(book.repOf(i.customer(), i.issue()))
                        && !i.issue().isAfter(end))
                .toList();
        List<Alloc> allocations = jdbc.sql("""
                        SELECT a.invoice_id, a.allocated_on AS on, a.reversed_on AS reversed, a.amount,
                               CASE WHEN a.payment_id IS NOT NULL THEN 'PAYMENT'
                                    WHEN cn.reason LIKE 'WRITE_OFF%' THEN 'WRITE_OFF' ELSE 'CREDIT_NOTE' END AS kind
                        FROM allocation a JOIN customer c ON c.id = a.customer_id
                        LEFT JOIN credit_note cn ON cn.id = a.credit_note_id
                        WHERE c.code IN (:codes)""")
                .param("codes", book.customers())
                .query(Alloc.class)
                .list();
        BigDecimal invoiced = BigDecimal.ZERO, collected = BigDecimal.ZERO, onTime = BigDecimal.ZERO;
        BigDecimal writtenOff = BigDecimal.ZERO, open = BigDecimal.ZERO, overdue = BigDecimal.ZERO;
        for (Inv inv : invoices) {
            if (!inv.issue().isBefore(from)) invoiced = invoiced.add(inv.amount());
            BigDecimal openHere = inv.amount();
            for (Alloc a : allocations) {
                if (a.invoiceId() != inv.id() || a.on().isAfter(end)) continue;
                if (a.reversed() != null && !a.reversed().isAfter(end)) continue;
                openHere = openHere.subtract(a.amount());
                boolean inPeriod = !a.on().isBefore(from);
                if (inPeriod && a.kind().equals("PAYMENT")) {
                    collected = collected.add(a.amount());
                    if (!a.on().isAfter(inv.due().plusDays(grace))) onTime = onTime.add(a.amount());
                }
                if (inPeriod && a.kind().equals("WRITE_OFF")) writtenOff = writtenOff.add(a.amount());
            }
            open = open.add(openHere);
            if (inv.due().isBefore(end)) overdue = overdue.add(openHere);
        }
        BigDecimal dso = BigDecimal.ZERO;
        BigDecimal left = open;
        for (int k = 0; k < 24 && left.signum() > 0; k++) {
            LocalDate lo = end.minusMonths(k + 1), hi = end.minusMonths(k);
            long days = ChronoUnit.DAYS.between(lo, hi);
            BigDecimal sales = invoices.stream()
                    .filter(i -> i.issue().isAfter(lo) && !i.issue().isAfter(hi))
                    .map(Inv::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (left.compareTo(sales) >= 0) {
                dso = dso.add(BigDecimal.valueOf(days));
                left = left.subtract(sales);
            } else {
                dso = dso.add(BigDecimal.valueOf(days).multiply(left).divide(sales, MathContext.DECIMAL128));
                left = BigDecimal.ZERO;
            }
        }
        int promises = (int) book.promises().entrySet().stream()
                .filter(e -> !e.getValue().isBefore(from) && !e.getValue().isAfter(end))
                .filter(e -> rep.equals(book.repOf(e.getKey(), e.getValue())))
                .count();
        Set<String> stopped = new HashSet<>();
        book.bounces().forEach((customer, on) -> {
            if (!on.isBefore(from) && !on.isAfter(end) && rep.equals(book.repOf(customer, on))) stopped.add(customer);
        });
        return new RepKpis(
                rep,
                rep,
                null,
                invoiced,
                collected,
                onTime,
                Shares.of(onTime, collected),
                open,
                overdue,
                Shares.of(overdue, open),
                dso.setScale(1, RoundingMode.HALF_UP),
                writtenOff,
                promises,
                stopped.size(),
                0);
    }
}
