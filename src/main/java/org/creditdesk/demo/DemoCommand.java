package org.creditdesk.demo;

import java.io.PrintStream;
import org.creditdesk.shared.BusinessCalendar;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code ./creditdesk demo}: creates one login per role and, on a database without customers,
 * loads the demo portfolio (1,200 customers, 24 months, seed 42, as of today's business date).
 */
@Component
@ConditionalOnProperty(name = "creditdesk.demo.enabled", havingValue = "true")
class DemoCommand implements ApplicationRunner {

    private final PortfolioLoader loader;
    private final AppraisalDemo appraisalDemo;
    private final DemoBankStatements bankStatements;
    private final DemoPortfolioRepository portfolio;
    private final DemoLogins logins;
    private final CollectionsDemo collections;
    private final RecordedOutcomesDemo recordedOutcomes;
    private final BusinessCalendar calendar;
    private final Environment environment;
    private final PrintStream console = System.out;
    private final DemoFundPlan fundPlan;

    DemoCommand(
            PortfolioLoader loader,
            AppraisalDemo appraisalDemo,
            DemoBankStatements bankStatements,
            DemoPortfolioRepository portfolio,
            DemoLogins logins,
            CollectionsDemo collections,
            RecordedOutcomesDemo recordedOutcomes,
            BusinessCalendar calendar,
            Environment environment,
            DemoFundPlan fundPlan) {
        this.fundPlan = fundPlan;
        this.loader = loader;
        this.appraisalDemo = appraisalDemo;
        this.bankStatements = bankStatements;
        this.portfolio = portfolio;
        this.logins = logins;
        this.collections = collections;
        this.recordedOutcomes = recordedOutcomes;
        this.calendar = calendar;
        this.environment = environment;
    }

    /** Runs one step of the demo load and prints how long it took (docs/performance.md "Demo start"). */
    private void timed(String step, Runnable work) {
        long started = System.nanoTime();
        work.run();
        console.printf(java.util.Locale.ROOT, "  %s: %.1f s%n", step, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = !portfolio.hasCustomers();
        logins.createMissing();
        if (empty) {
            console.println("Loading the demo portfolio (1,200 customers, 24 months, seed 42)...");
            long started = System.nanoTime();
            timed("portfolio, limits and replayed history", () -> loader.load(PortfolioSpec.demo(calendar.today())));
            timed("appraisal history", () -> appraisalDemo.prepare(calendar.today()));
            timed("fund plan", () -> fundPlan.approveFor(calendar.today()));
            timed(
                    "bank statements",
                    () -> bankStatements.load(
                            calendar.today(),
                            java.nio.file.Path.of(
                                    environment.getProperty("creditdesk.database.embedded.data-dir", "."),
                                    "demo-bank-statements")));
            timed(
                    "collections work",
                    () -> console.println("Collections work for " + collections.generate(calendar.today(), 42)
                            + " larger customers."));
            timed("recorded outcomes", () -> console.println("Recorded outcomes: " + recordedOutcomes.record()));
            console.printf(
                    java.util.Locale.ROOT,
                    "Demo data loaded in %.1f s (the replayed runs' scorings may still finish in the background)%n",
                    (System.nanoTime() - started) / 1e9);
        } else {
            console.println("The database already holds customers: the demo portfolio is not loaded again.");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        console.print("\nCreditDesk demo is ready: http://localhost:" + port + "\n" + logins.describe());
    }
}
