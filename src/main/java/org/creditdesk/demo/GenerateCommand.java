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
        if (options.out() != null) {
            loader.write(spec, options.out());
        } else {
            loader.load(spec);
        }
    }
}
