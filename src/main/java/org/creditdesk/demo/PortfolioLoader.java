package org.creditdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.ImportResult;
import org.creditdesk.imports.Imports;
import org.creditdesk.ledger.BounceCheque;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.Ledger;
import org.springframework.stereotype.Service;

/**
 * Generates a portfolio into a temporary folder and loads it through the one import path, file by
 * file in the order the references need: customers, orders, invoices, payments.
 */
@Service
class PortfolioLoader {

    private static final List<ImportKind> LOAD_ORDER =
            List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS, ImportKind.INVOICES, ImportKind.PAYMENTS);

    private final Imports imports;
    private final Ledger ledger;
    private final Areas areas;
    private final ProductLines productLines;
    private final DemoStory story;
    private final DemoDisputeHistory disputeHistory;
    private final PrintStream console = System.out;

    PortfolioLoader(
            Imports imports,
            Ledger ledger,
            Areas areas,
            ProductLines productLines,
            DemoStory story,
            DemoDisputeHistory disputeHistory) {
        this.disputeHistory = disputeHistory;
        this.imports = imports;
        this.ledger = ledger;
        this.areas = areas;
        this.productLines = productLines;
        this.story = story;
    }

    /** Writes the CSV files only. */
    GeneratedPortfolio write(PortfolioSpec spec, Path directory) {
        long started = System.nanoTime();
        try {
            GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, directory);
            console.print(PortfolioCsv.summary(directory, files, spec, seconds(started)));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the portfolio to " + directory, e);
        }
    }

    /** Generates and imports; the temporary files are kept for inspection when the load fails. */
    GeneratedPortfolio load(PortfolioSpec spec) {
        Path directory;
        try {
            directory = Files.createTempDirectory("creditdesk-portfolio-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GeneratedPortfolio files = write(spec, directory);
        nameAreasAndProductLines();
        for (ImportKind kind : LOAD_ORDER) {
            if (kind == ImportKind.PAYMENTS) {
                // Disputes are settled by credit note before the rest is paid, as the history says.
                issueCreditNotes(files.file(GeneratedPortfolio.CREDIT_NOTES));
            }
            importFile(kind, files.file(fileOf(kind)));
        }
        // The bounced cheques were imported as payments; the bank returned them later. Each bounce
        // reopens what the cheque settled and stops the customer; the replacements settle it again.
        bounceCheques(files.file(GeneratedPortfolio.BOUNCED_CHEQUES));
        importFile(ImportKind.PAYMENTS, files.file(GeneratedPortfolio.REPLACEMENT_PAYMENTS));
        if (spec.story()) {
            console.printf(
                    Locale.ROOT, "Recorded %,d settled quality disputes of the history%n", disputeHistory.record());
            story.tell(spec, files);
        }
        deleteQuietly(directory);
        return files;
    }

    /** Credit notes have no import kind in API.md; the generator makes few, so one call each is fine. */
    private void issueCreditNotes(Path file) {
        long started = System.nanoTime();
        List<List<String>> rows;
        try (var reader = Files.newBufferedReader(file)) {
            rows = Csv.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            ledger.issueCreditNote(
                    new IssueCreditNote(
                            row.get(0),
                            row.get(1),
                            row.get(2).isEmpty() ? null : row.get(2),
                            LocalDate.parse(row.get(3)),
                            new BigDecimal(row.get(4)),
                            row.get(5),
                            null),
                    Caller.SYSTEM);
        }
        console.printf(Locale.ROOT, "Issued %,d credit notes in %.1f s%n", rows.size() - 1, seconds(started));
    }

    /** Bounces each cheque through the ledger (API.md {@code POST /payments/{paymentNo}/bounce}); few per portfolio. */
    private void bounceCheques(Path file) {
        long started = System.nanoTime();
        List<List<String>> rows;
        try (var reader = Files.newBufferedReader(file)) {
            rows = Csv.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // paymentNo,customerCode,chequeNo,invoiceNo,amount,receivedOn,bouncedOn,reason; a cheque that
        // settled several invoices has one row per invoice but bounces once.
        Set<String> bounced = new HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (!bounced.add(row.get(0))) continue;
            ledger.bounce(row.get(0), new BounceCheque(LocalDate.parse(row.get(6)), row.get(7)), Caller.SYSTEM);
        }
        console.printf(Locale.ROOT, "Bounced %,d cheques in %.1f s%n", bounced.size(), seconds(started));
    }

    /** The import creates areas and product lines under their codes; the demo gives them names. */
    void nameAreasAndProductLines() {
        areas.ensureExist(Geography.AREAS.stream().map(Geography.Area::code).toList());
        Geography.AREAS.forEach(area -> areas.rename(area.code(), area.name()));
        productLines.ensureExist(
                ProductCatalog.LINES.stream().map(ProductCatalog.Line::code).toList());
        ProductCatalog.LINES.forEach(line -> productLines.rename(line.code(), line.name()));
    }

    private void importFile(ImportKind kind, Path file) {
        long started = System.nanoTime();
        try (InputStream csv = Files.newInputStream(file)) {
            ImportResult result = imports.importCsv(kind, csv, Caller.SYSTEM);
            console.printf(
                    Locale.ROOT,
                    "Imported %s: %,d imported, %,d unchanged in %.1f s%n",
                    file.getFileName(),
                    result.imported(),
                    result.unchanged(),
                    seconds(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String fileOf(ImportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> GeneratedPortfolio.CUSTOMERS;
            case ORDERS -> GeneratedPortfolio.ORDERS;
            case INVOICES -> GeneratedPortfolio.INVOICES;
            case PAYMENTS -> GeneratedPortfolio.PAYMENTS;
        };
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Only a temporary folder is left behind.
        }
    }
}
