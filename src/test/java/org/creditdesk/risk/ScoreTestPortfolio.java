package org.creditdesk.risk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.creditdesk.demo.GeneratedPortfolio;
import org.creditdesk.demo.PortfolioGenerator;
import org.creditdesk.demo.PortfolioSpec;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small generated portfolio imported through {@link Imports}, its codes and document numbers
 * prefixed so that it never collides with other tests' data in the shared database.
 */
final class ScoreTestPortfolio {

    private static final Pattern KEYS =
            Pattern.compile("\\b(C\\d{6}|SO\\d{8}|INV\\d{8}|RC\\d{8}|CN\\d{7}|HT\\d{7})\\b");

    record Loaded(String prefix, List<Long> customerIds, GeneratedPortfolio files) {}

    private ScoreTestPortfolio() {}

    static Loaded load(Imports imports, JdbcClient jdbc, int customers, int months, long seed, LocalDate asOf) {
        String prefix =
                "S" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase() + "-";
        try {
            Path dir = Files.createTempDirectory("score-portfolio-");
            GeneratedPortfolio files =
                    new PortfolioGenerator().writeCsv(new PortfolioSpec(customers, months, seed, asOf), dir);
            for (var kind :
                    List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS, ImportKind.INVOICES, ImportKind.PAYMENTS)) {
                String name = switch (kind) {
                    case CUSTOMERS -> GeneratedPortfolio.CUSTOMERS;
                    case ORDERS -> GeneratedPortfolio.ORDERS;
                    case INVOICES -> GeneratedPortfolio.INVOICES;
                    case PAYMENTS -> GeneratedPortfolio.PAYMENTS;
                };
                String csv = Files.readString(files.file(name), StandardCharsets.UTF_8);
                String prefixed = KEYS.matcher(csv).replaceAll(m -> prefix + m.group(1));
                imports.importCsv(
                        kind, new ByteArrayInputStream(prefixed.getBytes(StandardCharsets.UTF_8)), Caller.SYSTEM);
            }
            List<Long> ids = jdbc.sql("SELECT id FROM customer WHERE code LIKE :prefix ORDER BY id")
                    .param("prefix", prefix + "%")
                    .query(Long.class)
                    .list();
            return new Loaded(prefix, ids, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
