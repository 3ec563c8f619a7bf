package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A statement's credits are booked all at once ({@link BankReceipts#book}); on seeded random books
 * they must leave exactly what booking them one by one through {@link Payments} leaves (the path a
 * finance user's assignment still takes): the same payments, allocations with their dates, open
 * amounts, unapplied amounts and tolerance write-offs. Twin customers: the A twins get the batch,
 * the B twins the same credits one at a time.
 */
@SpringBootTest
class BankBookingPropertyTests {

    static final BigDecimal TOLERANCE = new BigDecimal("2.00");

    @Autowired
    BankReceipts receipts;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    record Credit(int customer, BigDecimal amount, LocalDate on, List<Integer> invoices, boolean cheque) {}

    @RepeatedTest(3)
    void booking_a_statement_at_once_equals_booking_its_credits_one_by_one() {
        long seed = new Random().nextLong();
        System.out.println("BankBookingPropertyTests seed " + seed);
        Random random = new Random(seed);
        String x = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int customers = 2 + random.nextInt(4);
        List<List<BigDecimal>> amounts = new ArrayList<>();
        List<String> customerLines = new ArrayList<>(List.of("code,name,area,businessGroup,paymentTermDays,currency"));
        List<String> invoiceLines =
                new ArrayList<>(List.of("invoiceNo,customerCode,issueDate,dueDate,amount,currency"));
        for (int c = 0; c < customers; c++) {
            List<BigDecimal> own = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                own.add(BigDecimal.valueOf(100 + random.nextInt(50_000), 2));
            }
            amounts.add(own);
            for (String twin : List.of("A", "B")) {
                String code = code(twin, c, x);
                customerLines.add(code + "," + code + " GmbH,EAST,VOLUME,30,EUR");
                for (int i = 0; i < own.size(); i++) {
                    LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(40));
                    invoiceLines.add("%s,%s,%s,%s,%s,EUR"
                            .formatted(
                                    invoice(code, i),
                                    code,
                                    issued,
                                    issued.plusDays(30L * random.nextInt(2)),
                                    own.get(i)));
                }
            }
        }
        // the twins' invoices must have the same dates: generate once per (customer, invoice) and reuse
        invoiceLines = twinDates(invoiceLines);
        load(ImportKind.CUSTOMERS, customerLines);
        load(ImportKind.INVOICES, invoiceLines);

        List<Credit> credits = new ArrayList<>();
        for (int n = 0, count = 3 + random.nextInt(12); n < count; n++) {
            int c = random.nextInt(customers);
            List<BigDecimal> own = amounts.get(c);
            List<Integer> named = new ArrayList<>();
            if (random.nextInt(3) > 0) {
                for (int i = 0; i < own.size(); i++) if (random.nextInt(2) == 0) named.add(i);
            }
            BigDecimal total = named.stream().map(own::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal amount = switch (random.nextInt(4)) {
                case 0 -> total.subtract(BigDecimal.valueOf(random.nextInt(250), 2)); // often within the tolerance
                case 1 -> total.add(BigDecimal.valueOf(random.nextInt(10_000), 2));
                default -> BigDecimal.valueOf(1 + random.nextInt(60_000), 2);
            };
            if (amount.signum() <= 0) amount = new BigDecimal("1.00");
            credits.add(new Credit(
                    c, amount, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(60)), named, random.nextInt(5) == 0));
        }

        List<BankCredit> statement = new ArrayList<>();
        for (int n = 0; n < credits.size(); n++) statement.add(credit("A", n, credits.get(n), x));
        List<BankMatch> batch = receipts.book(statement, TOLERANCE);
        List<BankMatch> oneByOne = new ArrayList<>();
        for (int n = 0; n < credits.size(); n++) {
            Credit cr = credits.get(n);
            String code = code("B", cr.customer(), x);
            oneByOne.add(receipts.assign(
                    credit("B", n, cr, x),
                    code,
                    cr.invoices().stream().map(i -> invoice(code, i)).toList(),
                    TOLERANCE,
                    Caller.SYSTEM));
        }

        String note = "seed " + seed;
        assertThat(batch.stream().map(m -> describe(m, "A", x)).toList())
                .as(note)
                .isEqualTo(oneByOne.stream().map(m -> describe(m, "B", x)).toList());
        assertThat(ledgerOf("A", x)).as(note).isEqualTo(ledgerOf("B", x));
    }

    /** The matching decided the customer and invoices from the references; the assignment is told them. */
    private BankCredit credit(String twin, int n, Credit cr, String x) {
        String code = code(twin, cr.customer(), x);
        List<String> refs = cr.invoices().isEmpty()
                ? List.of()
                : cr.invoices().stream().map(i -> invoice(code, i)).toList();
        return new BankCredit(
                "BK" + twin + n + "-" + x,
                cr.on(),
                cr.amount(),
                "EUR",
                cr.cheque(),
                cr.cheque() ? "CHQ" + n : null,
                null,
                null,
                refs,
                refs.isEmpty() ? "customer " + code : "");
    }

    private static String describe(BankMatch match, String twin, String x) {
        return switch (match) {
            case BankMatch.Booked b ->
                neutral(
                        "%s %s %s unapplied %s written off %s"
                                .formatted(
                                        b.paymentNo(),
                                        b.customerCode(),
                                        b.invoiceNos(),
                                        b.unapplied().stripTrailingZeros().toPlainString(),
                                        b.writtenOff().stripTrailingZeros().toPlainString()),
                        twin,
                        x);
            case BankMatch.Unmatched u -> "unmatched " + u.reason();
        };
    }

    private List<String> ledgerOf(String twin, String x) {
        List<String> lines = new ArrayList<>();
        lines.addAll(jdbc.sql("""
                        SELECT coalesce(p.payment_no, n.credit_note_no) || '>' || i.invoice_no || '=' || a.amount || '@' || a.allocated_on
                        FROM allocation a
                        JOIN invoice i ON i.id = a.invoice_id
                        LEFT JOIN payment p ON p.id = a.payment_id
                        LEFT JOIN credit_note n ON n.id = a.credit_note_id
                        WHERE i.invoice_no LIKE :pattern
                        ORDER BY 1""")
                .param("pattern", "BP" + twin + "%" + x + "%")
                .query(String.class)
                .list());
        lines.addAll(jdbc.sql("""
                        SELECT i.invoice_no || ' open ' || coalesce(o.open_amount, 0.00) || ' last '
                               || coalesce(CAST(coalesce(o.last_allocated_on, p.last_allocated_on) AS text), '-')
                        FROM invoice i LEFT JOIN open_item o ON o.id = i.id LEFT JOIN paid_item p ON p.id = i.id
                        WHERE i.invoice_no LIKE :pattern ORDER BY i.invoice_no""")
                .param("pattern", "BP" + twin + "%" + x + "%")
                .query(String.class)
                .list());
        lines.addAll(jdbc.sql("""
                        SELECT payment_no || ' ' || amount || ' unapplied ' || unapplied || ' ' || method || ' ' || coalesce(cheque_no, '-')
                        FROM payment WHERE payment_no LIKE :pattern ORDER BY payment_no""")
                .param("pattern", "BK" + twin + "%-" + x)
                .query(String.class)
                .list());
        return lines.stream().map(line -> neutral(line, twin, x)).sorted().toList();
    }

    private static String neutral(String text, String twin, String x) {
        return text.replace("BP" + twin, "BP*").replace("BK" + twin, "BK*");
    }

    private static String code(String twin, int customer, String x) {
        return "BP" + twin + customer + x;
    }

    private static String invoice(String code, int i) {
        return code + "-I" + i;
    }

    private static List<String> twinDates(List<String> lines) {
        List<String> result = new ArrayList<>(lines);
        for (int n = 1; n < result.size(); n++) {
            String[] f = result.get(n).split(",");
            if (!f[1].startsWith("BPB")) continue;
            String twinNo = f[0].replaceFirst("^BPB", "BPA");
            for (String other : result) {
                String[] g = other.split(",");
                if (g[0].equals(twinNo)) {
                    result.set(n, String.join(",", f[0], f[1], g[2], g[3], f[4], f[5]));
                    break;
                }
            }
        }
        return result;
    }

    private void load(ImportKind kind, List<String> lines) {
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        imports.importCsv(kind, new ByteArrayInputStream(csv), Caller.SYSTEM);
    }
}
