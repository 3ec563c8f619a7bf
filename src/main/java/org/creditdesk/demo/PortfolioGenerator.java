package org.creditdesk.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.creditdesk.demo.CustomerFactory.Founder;
import org.jspecify.annotations.Nullable;

/**
 * The deterministic portfolio generator: a distributor's customers with {@code months} of orders,
 * invoices, payments and credit notes up to the as-of date, written as the import CSV files.
 *
 * <p>Same spec, same bytes: every customer draws from its own stream split off one seeded root in
 * customer order, and nothing depends on the clock, the locale or hash ordering. Each customer's
 * history is written before the next one is invented, so memory does not grow with the portfolio.
 */
public final class PortfolioGenerator {

    /** One customer in this many pays by cheques that bounce; the next customer is its new company. */
    private static final int CUSTOMERS_PER_BOUNCING_CUSTOMER = 600;

    public GeneratedPortfolio writeCsv(PortfolioSpec spec, Path directory) throws IOException {
        CustomerFactory customers = new CustomerFactory(spec);
        HistoryGenerator histories = new HistoryGenerator(spec, new Numbering());
        SplittableRandom root = new SplittableRandom(spec.seed());
        int bouncing = bouncingCustomers(spec.customers());
        int spacing = bouncing == 0 ? Integer.MAX_VALUE : spec.customers() / bouncing;
        try (PortfolioCsvWriter out = new PortfolioCsvWriter(
                directory, spec.asOf().minusMonths(spec.months()).minusYears(1), spec.asOf())) {
            @Nullable Founder founder = null;
            for (int index = 0; index < spec.customers(); index++) {
                SplittableRandom random = root.split();
                boolean bouncer = bouncing > 0 && index % spacing == (spacing - 1) / 2 && index / spacing < bouncing;
                Behaviour behaviour = bouncer
                        ? Behaviour.BOUNCED_CHEQUES
                        : founder != null
                                ? Behaviour.NEW_LINKED_COMPANY
                                : spec.story()
                                        ? Behaviour.story(random.nextDouble())
                                        : Behaviour.ordinary(random.nextDouble());
                CustomerProfile customer = customers.create(index, random, behaviour, founder);
                founder = bouncer ? CustomerFactory.founderOf(customer) : null;
                out.write(customer, histories.generate(customer, random));
            }
            return out.result();
        }
    }

    /** At least one whenever there is room for it and its successor company. */
    static int bouncingCustomers(int customers) {
        if (customers < 2) return 0;
        return Math.max(1, Math.round((float) customers / CUSTOMERS_PER_BOUNCING_CUSTOMER));
    }
}
