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
        this.calendar = calendar;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = !portfolio.hasCustomers();
        logins.createMissing();
        if (empty) {
            console.println("Loading the demo portfolio (1,200 customers, 24 months, seed 42)...");
            loader.load(PortfolioSpec.demo(calendar.today()));
            appraisalDemo.prepare(calendar.today());
            fundPlan.approveFor(calendar.today());
            bankStatements.load(
                    calendar.today(),
                    java.nio.file.Path.of(
                            environment.getProperty("creditdesk.database.embedded.data-dir", "."),
                            "demo-bank-statements"));
            console.println(
                    "Collections work for " + collections.generate(calendar.today(), 42) + " larger customers.");
        } else {
            console.println("The database already holds customers: the demo portfolio is not loaded again.");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        console.print("\nCreditDesk demo is ready: http://localhost:" + port + "\n" + logins.describe());
    }
}
