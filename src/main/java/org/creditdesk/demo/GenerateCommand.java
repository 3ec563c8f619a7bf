package org.creditdesk.demo;

import org.creditdesk.shared.BusinessCalendar;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./creditdesk generate}: with {@code --out DIR} writes the CSV files there; without, loads
 * them into the database through the imports. The as-of date defaults to today's business date.
 */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "generate")
class GenerateCommand implements ApplicationRunner {

    private final PortfolioLoader loader;
    private final BusinessCalendar calendar;

    GenerateCommand(PortfolioLoader loader, BusinessCalendar calendar) {
        this.loader = loader;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        GenerateOptions options = GenerateOptions.parse(args.getSourceArgs());
        PortfolioSpec spec = options.spec(calendar.today());
        if (options.book() != null) {
            writeBook(options, spec);
        } else if (options.out() != null) {
            loader.write(spec, options.out());
        } else {
            loader.load(spec);
        }
    }

    private static void writeBook(GenerateOptions options, PortfolioSpec spec) {
        try {
            if (options.book().equals("thin-file")) {
                int year = spec.asOf().getYear();
                int defaults = ThinFileBook.write(spec.customers(), spec.seed(), year - 4, year - 1, options.out());
                System.out.printf(
                        "Wrote %d thin-file companies (statements %d-%d, %d defaults recorded) to %s%n",
                        spec.customers(), year - 4, year - 1, defaults, options.out());
            } else {
                int invoices = ShortLatenessBook.write(
                        spec.customers(), spec.months(), spec.seed(), spec.asOf(), options.out());
                System.out.printf(
                        "Wrote a short-lateness book of %d customers, %d invoices to %s%n",
                        spec.customers(), invoices, options.out());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
