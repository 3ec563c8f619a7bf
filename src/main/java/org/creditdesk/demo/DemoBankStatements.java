package org.creditdesk.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.creditdesk.demo.Camt053Writer.Line;
import org.creditdesk.demo.DemoBankRepository.OpenInvoice;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.BankStatementResult;
import org.creditdesk.imports.BankStatements;
import org.springframework.stereotype.Service;

/**
 * The demo's month of bank statements: one camt.053 per business day of the last month on the
 * company's account, paying open invoices of the loaded portfolio the ways customers do (invoice
 * numbers in the structured or free remittance, only a customer code, a short payment within the
 * tolerance, an unknown payer left for the queue), with a cheque paid in early and returned unpaid
 * later, and the company's own payments. Written to a folder (kept, to upload again on the page)
 * and imported through the statement import.
 */
@Service
class DemoBankStatements {

    static final String ACCOUNT = "CN12BKCH0000000012345678";
    private static final long SEED = 42;

    private final DemoBankRepository repository;
    private final BankStatements statements;
    private final PrintStream console = System.out;

    DemoBankStatements(DemoBankRepository repository, BankStatements statements) {
        this.repository = repository;
        this.statements = statements;
    }

    /** One statement per business day of the month before {@code asOf}. */
    record Statement(String id, LocalDate day, String currency, List<Line> lines) {}

    static LocalDate firstDay(LocalDate asOf) {
        return asOf.minusMonths(1).withDayOfMonth(1);
    }

    /** The statements of the month before {@code asOf} paying some of {@code invoices}. */
    static List<Statement> month(LocalDate asOf, List<OpenInvoice> invoices) {
        Random random = new Random(SEED);
        LocalDate first = firstDay(asOf);
        LocalDate end = first.plusMonths(1);
        List<OpenInvoice> open = new ArrayList<>(invoices);
        java.util.Collections.shuffle(open, random);
        String currency = open.isEmpty() ? "CNY" : open.getFirst().currency();
        open.removeIf(i -> !i.currency().equals(currency) || i.account() == null);
        List<Statement> month = new ArrayList<>();
        int next = 0;
        int n = 0;
        OpenInvoice chequeInvoice = null;
        String chequeNo = null;
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            List<Line> lines = new ArrayList<>();
            int credits = 6 + random.nextInt(6);
            for (int c = 0; c < credits && next < open.size(); c++, next++) {
                OpenInvoice inv = open.get(next);
                String ref = "D%s-%03d".formatted(day.toString().replace("-", ""), ++n);
                int kind = random.nextInt(20);
                if (chequeInvoice == null && month.size() == 2) {
                    chequeInvoice = inv;
                    chequeNo = "CHQ%06d".formatted(100000 + random.nextInt(900000));
                    lines.add(Line.cheque(
                            ref,
                            day,
                            inv.open(),
                            inv.customerName(),
                            inv.account(),
                            chequeNo,
                            "Cheque for " + inv.invoiceNo()));
                } else if (kind < 9) {
                    lines.add(Line.transfer(
                            ref, day, inv.open(), inv.customerName(), inv.account(), null, List.of(inv.invoiceNo())));
                } else if (kind < 14) {
                    lines.add(Line.transfer(
                            ref,
                            day,
                            inv.open(),
                            inv.customerName(),
                            inv.account(),
                            "Payment of invoice " + inv.invoiceNo(),
                            List.of()));
                } else if (kind < 16) {
                    lines.add(Line.transfer(
                            ref,
                            day,
                            inv.open().subtract(new BigDecimal("0.50")).max(new BigDecimal("0.01")),
                            inv.customerName(),
                            inv.account(),
                            "INV " + inv.invoiceNo() + " less bank fee",
                            List.of()));
                } else if (kind < 18) {
                    lines.add(Line.transfer(
                            ref,
                            day,
                            inv.open(),
                            inv.customerName(),
                            null,
                            "Customer " + inv.customerCode(),
                            List.of()));
                } else {
                    // A payer the bank names differently and whose account is not on file: the queue.
                    lines.add(Line.transfer(
                            ref,
                            day,
                            inv.open(),
                            inv.customerName().toUpperCase(),
                            "CN00OTHR" + (10_000_000 + random.nextInt(89_999_999)),
                            "goods",
                            List.of()));
                }
            }
            if (chequeInvoice != null && month.size() == 9) {
                lines.add(Line.returnedCheque(
                        "D%s-RET".formatted(day.toString().replace("-", "")),
                        day,
                        chequeInvoice.open(),
                        chequeInvoice.account(),
                        chequeNo,
                        "AM04",
                        new BigDecimal("20.00")));
            }
            lines.add(Line.outgoing(
                    "D%s-OUT".formatted(day.toString().replace("-", "")),
                    day,
                    new BigDecimal(1000 + random.nextInt(9000)),
                    "Supplier " + (1 + random.nextInt(40)),
                    "purchase"));
            month.add(new Statement("DEMO-" + day, day, currency, lines));
        }
        return month;
    }

    /** Writes the month into {@code directory} and imports it file by file. */
    void load(LocalDate asOf, Path directory) {
        List<Statement> month = month(asOf, repository.openInvoices(firstDay(asOf), 600));
        BigDecimal balance = new BigDecimal("500000.00");
        Map<String, Integer> totals = new LinkedHashMap<>();
        try {
            Files.createDirectories(directory);
            for (Statement s : month) {
                Path file = directory.resolve(s.id() + ".camt053.xml");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Camt053Writer.write(out, s.id(), ACCOUNT, s.currency(), s.day(), s.day(), balance, s.lines());
                }
                for (Line l : s.lines()) balance = l.credit() ? balance.add(l.amount()) : balance.subtract(l.amount());
                BankStatementResult r = statements.importStatement(Files.readAllBytes(file), Caller.SYSTEM);
                totals.merge("payments", r.paymentsCreated(), Integer::sum);
                totals.merge("unmatched", r.unmatched(), Integer::sum);
                totals.merge("returned", r.returned(), Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo bank statements to " + directory, e);
        }
        console.printf(
                "Loaded %d demo bank statements (camt.053, %s): %s%n",
                month.size(),
                directory.toAbsolutePath(),
                totals.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")));
    }
}
