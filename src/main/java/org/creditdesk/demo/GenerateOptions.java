package org.creditdesk.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code ./creditdesk generate}: {@code --customers N --months M --seed S
 * [--as-of DATE] [--out DIR] [--book thin-file|short-lateness]}, each as {@code --name value} or
 * {@code --name=value}. Omitted numbers default to the demo portfolio's. {@code --book} writes one of
 * the score-quality books ({@link ThinFileBook}, {@link ShortLatenessBook}) to {@code --out} instead.
 */
record GenerateOptions(
        int customers,
        int months,
        long seed,
        @Nullable LocalDate asOf,
        @Nullable Path out,
        @Nullable String book) {

    static final String USAGE = "Usage: ./creditdesk generate --customers N --months M --seed S [--as-of yyyy-MM-dd]"
            + " [--out DIR] [--book thin-file|short-lateness]";

    GenerateOptions(int customers, int months, long seed, @Nullable LocalDate asOf, @Nullable Path out) {
        this(customers, months, seed, asOf, out, null);
    }

    static GenerateOptions parse(String... args) {
        int customers = 1_200;
        int months = 24;
        long seed = 42;
        LocalDate asOf = null;
        Path out = null;
        String book = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("Unexpected argument " + arg + "\n" + USAGE);
            String name;
            String value;
            int equals = arg.indexOf('=');
            // Spring properties such as --server.port=8081 are Spring Boot's to read.
            if (equals > 0 && arg.substring(0, equals).contains(".")) continue;
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
                value = args[++i];
            }
            try {
                switch (name) {
                    case "customers" -> customers = Integer.parseInt(value);
                    case "months" -> months = Integer.parseInt(value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "as-of" -> asOf = LocalDate.parse(value);
                    case "out" -> out = Path.of(value);
                    case "book" -> {
                        if (!value.equals("thin-file") && !value.equals("short-lateness")) {
                            throw new IllegalArgumentException("--book: thin-file or short-lateness\n" + USAGE);
                        }
                        book = value;
                    }
                    default -> throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("--" + name + ": cannot read " + value + "\n" + USAGE, e);
            }
        }
        if (book != null && out == null) throw new IllegalArgumentException("--book needs --out DIR\n" + USAGE);
        return new GenerateOptions(customers, months, seed, asOf, out, book);
    }

    PortfolioSpec spec(LocalDate today) {
        return new PortfolioSpec(customers, months, seed, asOf != null ? asOf : today);
    }
}
