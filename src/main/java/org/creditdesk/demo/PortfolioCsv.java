package org.creditdesk.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The portfolio's CSV files without the application: the same generator and the same bytes as {@code ./creditdesk
 * generate --out DIR}, but no Spring context, database or migrations, so the benchmark can start its server on an
 * empty data folder while the files are written (the generate step of {@code bench/run portfolio} spent 57 of its 77 s
 * at 5,000 customers starting the application). The as-of date must be given: the business date needs the company's
 * settings, which live in the database.
 *
 * <p>{@code java -cp creditdesk.jar -Dloader.main=org.creditdesk.demo.PortfolioCsv
 * org.springframework.boot.loader.launch.PropertiesLauncher --customers N --months M --seed S --as-of DATE --out DIR}
 */
public final class PortfolioCsv {

    private PortfolioCsv() {}

    public static void main(String[] args) throws IOException {
        GenerateOptions options = GenerateOptions.parse(args);
        if (options.out() == null || options.asOf() == null || options.book() != null) {
            throw new IllegalArgumentException(
                    "PortfolioCsv needs --out DIR and --as-of yyyy-MM-dd\n" + GenerateOptions.USAGE);
        }
        PortfolioSpec spec = options.spec(options.asOf());
        long started = System.nanoTime();
        GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, options.out());
        System.out.print(summary(options.out(), files, spec, (System.nanoTime() - started) / 1e9));
    }

    /** The line {@code bench/run portfolio} reads: where, how long, how many of each, seed and as-of date. */
    static String summary(Path directory, GeneratedPortfolio files, PortfolioSpec spec, double seconds) {
        return String.format(
                Locale.ROOT,
                "Generated %s in %.1f s: %,d customers, %,d orders, %,d invoices, %,d payments, %,d credit notes,"
                        + " %,d bounced cheques, %,d replacement payments (seed %d, as of %s)%n",
                directory.toAbsolutePath(),
                seconds,
                files.customers(),
                files.orders(),
                files.invoices(),
                files.payments(),
                files.creditNotes(),
                files.bouncedCheques(),
                files.replacementPayments(),
                spec.seed(),
                spec.asOf());
    }
}
