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

/** {@code ./creditdesk import customers|orders|invoices|payments FILE}: the HTTP import without HTTP. */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int REJECTED = 1;
    static final int USAGE = 2;

    private final Imports imports;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    ImportCommand(Imports imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        List<String> words = args.getNonOptionArgs();
        if (words.size() != 2) {
            usage("expected a kind and a file");
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
            err.printf("%s was not imported: %s%n", file, e.getMessage());
            for (Violation v : e.violations()) {
                err.printf(
                        "  line %s%s: %s%n",
                        v.line() == null ? "?" : v.line(), v.field() == null ? "" : " " + v.field(), v.message());
            }
            exitCode = REJECTED;
        }
    }

    private void usage(String problem) {
        err.println("import: " + problem);
        err.println("usage: ./creditdesk import customers|orders|invoices|payments FILE");
        exitCode = USAGE;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
