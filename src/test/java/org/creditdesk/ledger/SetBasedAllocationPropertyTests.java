package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.creditdesk.shared.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payments import allocates a whole file in one set-based pass (running sums and breakpoints
 * in SQL). On seeded random books it must leave exactly what settling the file payment by payment
 * with the ledger's own policy ({@link Allocation#oldestFirst}) leaves: the same allocations with
 * the same effective dates, open amounts, {@code last_allocated_on}, unapplied amounts and
 * running credit totals. Two files in a row, so the second meets partly settled invoices.
 */
@SpringBootTest
class SetBasedAllocationPropertyTests {

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    Ledger ledger;

    record Inv(String no, String customer, String currency, LocalDate issued, LocalDate due, BigDecimal amount) {}

    record Pay(String no, String customer, String currency, LocalDate received, BigDecimal amount, String invoiceNo) {}

    /** The reference: the file settled payment by payment, named invoices first as the import documents. */
    static final class Book {
        final Map<String, Inv> invoices = new LinkedHashMap<>();
        final Map<String, BigDecimal> open = new HashMap<>();
        final Map<String, LocalDate> lastAllocated = new HashMap<>();
        final Map<String, BigDecimal> unapplied = new HashMap<>();
        final List<String> allocations = new ArrayList<>();

        void add(Inv inv) {
            invoices.put(inv.no(), inv);
            open.put(inv.no(), inv.amount());
        }

        void settle(List<Pay> file) {
            Comparator<Pay> received = Comparator.comparing(Pay::received).thenComparing(Pay::no);
            for (Pay pay : file.stream()
                    .filter(p -> p.invoiceNo() != null)
                    .sorted(received)
                    .toList()) {
                BigDecimal settled = pay.amount().min(open.get(pay.invoiceNo()));
                if (settled.signum() > 0) apply(pay, pay.invoiceNo(), settled);
                unapplied.put(pay.no(), pay.amount().subtract(settled));
            }
            for (Pay pay : file.stream()
                    .filter(p -> p.invoiceNo() == null)
                    .sorted(received)
                    .toList()) {
                List<Allocation.OpenInvoice> items = invoices.values().stream()
                        .filter(i -> i.customer().equals(pay.customer()))
                        .map(i -> new Allocation.OpenInvoice(
                                i.no(), i.issued(), i.due(), Money.of(open.get(i.no()), i.currency())))
                        .toList();
                Allocation.Plan plan = Allocation.oldestFirst(Money.of(pay.amount(), pay.currency()), items);
                for (Allocation.Settlement s : plan.settlements())
                    apply(pay, s.invoiceNo(), s.amount().amount());
                unapplied.put(pay.no(), plan.remainder().amount());
            }
        }

        private void apply(Pay pay, String invoiceNo, BigDecimal amount) {
            Inv inv = invoices.get(invoiceNo);
            LocalDate on = Invoicing.effectiveOn(pay.received(), invoiceOf(inv));
            open.merge(invoiceNo, amount.negate(), BigDecimal::add);
            lastAllocated.merge(invoiceNo, on, (a, b) -> a.isAfter(b) ? a : b);
            allocations.add(line(pay.no(), invoiceNo, amount, on));
        }

        private static Invoice invoiceOf(Inv inv) {
            return new Invoice(
                    inv.no(),
                    inv.customer(),
                    null,
                    inv.issued(),
                    inv.due(),
                    inv.amount(),
                    inv.amount(),
                    inv.currency(),
                    null);
        }
    }

    static String line(String paymentNo, String invoiceNo, BigDecimal amount, LocalDate on) {
        return "%s>%s=%s@%s".formatted(paymentNo, invoiceNo, amount.setScale(2).toPlainString(), on);
    }

    @RepeatedTest(4)
    void a_file_allocated_in_one_set_based_pass_equals_settling_it_payment_by_payment() {
        long seed = new Random().nextLong();
        System.out.println("SetBasedAllocationPropertyTests seed " + seed);
        Random random = new Random(seed);
        String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String[] currencies = {"CNY", "CNY", "USD"};
        LocalDate start = LocalDate.of(2023, 1, 1);

        List<String> customers = new ArrayList<>();
        for (int c = 0, n = 3 + random.nextInt(5); c < n; c++) customers.add("SB" + c + x);
        load(
                ImportKind.CUSTOMERS,
                concat(
                        "code,name,area,businessGroup,paymentTermDays,currency",
                        customers.stream()
                                .map(code -> code + "," + code + " Ltd,EAST,VOLUME,30,CNY")
                                .toList()));

        Book book = new Book();
        List<String> invoiceLines = new ArrayList<>();
        for (String customer : customers) {
            for (int i = 0, n = random.nextInt(9); i < n; i++) {
                LocalDate issued = start.plusDays(random.nextInt(60));
                Inv inv = new Inv(
                        customer + "-I" + i,
                        customer,
                        currencies[random.nextInt(currencies.length)],
                        issued,
                        issued.plusDays(30L * random.nextInt(3)), // few due dates: ties broken by issue date, number
                        BigDecimal.valueOf(1 + random.nextInt(100_000), 2));
                book.add(inv);
                invoiceLines.add("%s,%s,%s,%s,%s,%s"
                        .formatted(inv.no(), customer, inv.issued(), inv.due(), inv.amount(), inv.currency()));
            }
        }
        if (!invoiceLines.isEmpty()) {
            load(ImportKind.INVOICES, concat("invoiceNo,customerCode,issueDate,dueDate,amount,currency", invoiceLines));
        }

        for (int round = 0; round < 2; round++) {
            List<Pay> file = new ArrayList<>();
            for (String customer : customers) {
                List<Inv> own = book.invoices.values().stream()
                        .filter(i -> i.customer().equals(customer))
                        .toList();
                for (int p = 0, n = random.nextInt(7); p < n; p++) {
                    Inv named = !own.isEmpty() && random.nextInt(3) == 0 ? own.get(random.nextInt(own.size())) : null;
                    String currency = named != null ? named.currency() : currencies[random.nextInt(currencies.length)];
                    // some payments before the invoices they settle are issued, some larger than all that is open
                    BigDecimal amount =
                            BigDecimal.valueOf(1 + random.nextInt(random.nextInt(5) == 0 ? 400_000 : 60_000), 2);
                    file.add(new Pay(
                            customer + "-R" + round + "P" + p,
                            customer,
                            currency,
                            start.plusDays(random.nextInt(120)),
                            amount,
                            named == null ? null : named.no()));
                }
            }
            if (file.isEmpty()) continue;
            book.settle(file);
            load(
                    ImportKind.PAYMENTS,
                    concat(
                            "paymentNo,customerCode,receivedOn,amount,currency,method,invoiceNo",
                            file.stream()
                                    .map(p -> "%s,%s,%s,%s,%s,BANK_TRANSFER,%s"
                                            .formatted(
                                                    p.no(),
                                                    p.customer(),
                                                    p.received(),
                                                    p.amount(),
                                                    p.currency(),
                                                    p.invoiceNo() == null ? "" : p.invoiceNo()))
                                    .toList()));
        }

        String seedNote = "seed " + seed;
        assertThat(storedAllocations(x)).as(seedNote).containsExactlyInAnyOrderElementsOf(book.allocations);
        // The invoice's columns each settlement copies (V73) are read with the allocation, not looked up again.
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM allocation a
                                JOIN invoice i ON i.id = a.invoice_id
                                JOIN customer c ON c.id = a.customer_id
                                WHERE c.code LIKE :pattern
                                  AND (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency)
                                      IS DISTINCT FROM (i.customer_id, i.issue_date, i.due_date, i.currency)""").param("pattern", "SB%" + x).query(Long.class).single())
                .as(seedNote + ", allocations whose invoice copies differ from the invoice")
                .isZero();
        for (Inv inv : book.invoices.values()) {
            var stored = jdbc.sql("""
                            SELECT coalesce(o.open_amount, 0.00), coalesce(o.last_allocated_on, p.last_allocated_on)
                            FROM invoice i LEFT JOIN open_item o ON o.id = i.id LEFT JOIN paid_item p ON p.id = i.id
                            WHERE i.invoice_no = :no""")
                    .param("no", inv.no())
                    .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getObject(2, LocalDate.class)})
                    .single();
            assertThat((BigDecimal) stored[0])
                    .as(seedNote + ", open " + inv.no())
                    .isEqualByComparingTo(book.open.get(inv.no()));
            assertThat(stored[1])
                    .as(seedNote + ", last allocated " + inv.no())
                    .isEqualTo(book.lastAllocated.get(inv.no()));
        }
        book.unapplied.forEach(
                (no, amount) -> assertThat(jdbc.sql("SELECT unapplied FROM payment WHERE payment_no = :no")
                                .param("no", no)
                                .query(BigDecimal.class)
                                .single())
                        .as(seedNote + ", unapplied " + no)
                        .isEqualByComparingTo(amount));

        List<Long> ids = jdbc.sql("SELECT id FROM customer WHERE code LIKE :pattern")
                .param("pattern", "SB%" + x)
                .query(Long.class)
                .list();
        Map<String, BigDecimal[]> expected = new HashMap<>();
        for (Inv inv : book.invoices.values()) {
            expected.computeIfAbsent(inv.customer() + "/" + inv.currency(), k -> zeros())[0] =
                    expected.get(inv.customer() + "/" + inv.currency())[0].add(book.open.get(inv.no()));
        }
        for (String customer : customers) {
            for (String currency : List.of("CNY", "USD")) {
                BigDecimal open = expected.getOrDefault(customer + "/" + currency, zeros())[0];
                BigDecimal onAccount = book.unapplied.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(customer + "-")
                                && paymentCurrency(e.getKey()).equals(currency))
                        .map(Map.Entry::getValue)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                var running = accounts.runningTotals(ids).stream()
                        .filter(b ->
                                b.customerId() == idOf(customer) && b.currency().equals(currency))
                        .findFirst();
                assertThat(running.map(LedgerBalance::openReceivables).orElse(BigDecimal.ZERO))
                        .as("%s, running open receivables of %s in %s", seedNote, customer, currency)
                        .isEqualByComparingTo(open);
                assertThat(running.map(LedgerBalance::unappliedCredit).orElse(BigDecimal.ZERO))
                        .as("%s, running credit on account of %s in %s", seedNote, customer, currency)
                        .isEqualByComparingTo(onAccount);
            }
        }
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO};
    }

    private String paymentCurrency(String paymentNo) {
        return jdbc.sql("SELECT currency FROM payment WHERE payment_no = :no")
                .param("no", paymentNo)
                .query(String.class)
                .single();
    }

    private long idOf(String code) {
        return jdbc.sql("SELECT id FROM customer WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    private List<String> storedAllocations(String x) {
        return jdbc.sql("""
                        SELECT p.payment_no, i.invoice_no, a.amount, a.allocated_on
                        FROM allocation a
                        JOIN payment p ON p.id = a.payment_id
                        JOIN invoice i ON i.id = a.invoice_id
                        JOIN customer c ON c.id = a.customer_id
                        WHERE c.code LIKE :pattern""")
                .param("pattern", "SB%" + x)
                .query((rs, n) ->
                        line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    private static String[] concat(String header, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return all.toArray(String[]::new);
    }

    private void load(ImportKind kind, String... lines) {
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        imports.importCsv(kind, new ByteArrayInputStream(csv), Caller.SYSTEM);
    }
}
