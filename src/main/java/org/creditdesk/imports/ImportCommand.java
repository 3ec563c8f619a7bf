package org.creditdesk.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./creditdesk import customers|orders|invoices|payments|bank-statement FILE}: the HTTP import
 * without HTTP.
 */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int REJECTED = 1;
    static final int USAGE = 2;

    private final Imports imports;
    private final BankStatements bankStatements;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    ImportCommand(Imports imports, BankStatements bankStatements) {
        this.imports = imports;
        this.bankStatements = bankStatements;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> words = args.getNonOptionArgs();
        if (words.size() != 2) {
            usage("expected a kind and a file");
            return;
        }
        if (words.get(0).equals("bank-statement")) {
            importBankStatement(Path.of(words.get(1)));
            return;
        }
        ImportKind kind;
        try {
            kind = ImportKind.valueOf(words.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            usage("unknown kind " + words.get(0));
            return;
        }
        Path file = Path.of(words.get(1));
        if (!Files.isReadable(file)) {
            usage("cannot read " + file);
            return;
        }
        try (InputStream csv = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ImportResult result = imports.importCsv(kind, csv, Caller.SYSTEM);
            out.printf(
                    "Imported %s from %s: %d imported, %d unchanged%n",
                    kind, file, result.imported(), result.unchanged());
        } catch (ProblemException e) {
            reject(file, e);
        }
    }

    private void importBankStatement(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            usage("cannot read " + file);
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            BankStatementResult r = bankStatements.importStatement(in, Caller.SYSTEM);
            out.printf(
                    "Imported bank statement %s (statement %d): %d entries, %d payments, %d unmatched, %d returned,"
                            + " %d duplicates, %d ignored%n",
                    file,
                    r.statementId(),
                    r.entries(),
                    r.paymentsCreated(),
                    r.unmatched(),
                    r.returned(),
                    r.duplicates(),
                    r.ignored());
        } catch (ProblemException e) {
            reject(file, e);
        }
    }

    private void reject(Path file, ProblemException e) {
        err.printf("%s was not imported: %s%n", file, e.getMessage());
        for (Violation v : e.violations()) {
            err.printf(
                    "  line %s%s: %s%n",
                    v.line() == null ? "?" : v.line(), v.field() == null ? "" : " " + v.field(), v.message());
        }
        exitCode = REJECTED;
    }

    private void usage(String problem) {
        err.println("import: " + problem);
        err.println("usage: ./creditdesk import customers|orders|invoices|payments|bank-statement FILE");
        exitCode = USAGE;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
