package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.CommandLineDates;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./creditdesk fit-scorecard [--as-of DATE] [--adopt]}: fits the card weights to our own
 * history, prints AUC/KS of the current and the fitted card out of time, and stores the fitted
 * cards inactive (or adopts them with {@code --adopt}, audited as the system).
 */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "fit-scorecard")
class FitCommand implements ApplicationRunner, ExitCodeGenerator {

    private final FitScorecards fits;
    private int exitCode;

    FitCommand(FitScorecards fits) {
        this.fits = fits;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate asOf;
        try {
            asOf = CommandLineDates.asOf(args);
        } catch (DateTimeParseException e) {
            System.err.println("Usage: ./creditdesk fit-scorecard [--as-of yyyy-MM-dd] [--adopt]");
            exitCode = 2;
            return;
        }
        FitReport report = fits.fit(asOf, Caller.SYSTEM);
        System.out.printf(
                Locale.ROOT,
                "Fit as of %s: trained on %s, tested on %s%n",
                report.asOf(),
                report.trainDates(),
                report.testDates());
        for (FitReport.Group g : report.groups()) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: train %d (%d outcomes), test %d (%d outcomes)%n"
                            + "  current card  AUC train %.3f test %.3f, KS test %.3f; outcome rate by class (test) %s%n"
                            + "  fitted card   AUC train %.3f test %.3f, KS test %.3f; outcome rate by class (test) %s%n"
                            + "  weights %s%n  %s%n",
                    g.businessGroup(),
                    g.trainObservations(),
                    g.trainOutcomes(),
                    g.testObservations(),
                    g.testOutcomes(),
                    g.current().trainAuc(),
                    g.current().testAuc(),
                    g.current().testKs(),
                    g.currentOutcomeRateByClass(),
                    g.fitted().trainAuc(),
                    g.fitted().testAuc(),
                    g.fitted().testKs(),
                    g.fittedOutcomeRateByClass(),
                    g.weights(),
                    g.skipped() != null ? "not fitted: " + g.skipped() : "stored as scorecard " + g.fittedCardId());
            if (g.fittedCardId() != null && args.containsOption("adopt")) {
                fits.adopt(g.fittedCardId(), "Adopted by fit-scorecard --adopt", Caller.SYSTEM);
                System.out.println("  adopted scorecard " + g.fittedCardId());
            }
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
