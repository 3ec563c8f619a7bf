package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.CommandLineDates;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./creditdesk fit-scorecard [--as-of DATE] [--outcome paid-late|reaches-overdue|recorded] [--days N]
 * [--months H] [--adopt]}: fits the card weights to the chosen outcome (without {@code --outcome}, the
 * company's outcome setting) in our own history, prints AUC/KS
 * of the current and the fitted card out of time with the class table, and stores the fitted cards
 * inactive (or adopts them with {@code --adopt}, audited as the system; refused unless the classes
 * rise A to E on the test window).
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
            System.err.println(USAGE);
            exitCode = 2;
            return;
        }
        FitReport report;
        try {
            report = fits.fit(
                    asOf, option(args, "outcome"), number(args, "days"), number(args, "months"), Caller.SYSTEM);
        } catch (NumberFormatException e) {
            System.err.println(USAGE);
            exitCode = 2;
            return;
        } catch (ProblemException e) {
            System.err.println("Refused: " + e.getMessage());
            exitCode = 1;
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "Fit as of %s to: %s%s%n  train: month-ends %s .. %s, outcomes until %s%n"
                        + "  test:  month-ends %s .. %s, outcomes until %s%n",
                report.asOf(),
                report.outcome().definition(),
                FitReport.Outcome.SETTING.equals(report.outcome().source()) ? " (the company's outcome setting)" : "",
                report.train().first(),
                report.train().last(),
                report.train().outcomesUntil(),
                report.test().first(),
                report.test().last(),
                report.test().outcomesUntil());
        for (FitReport.Group g : report.groups()) {
            System.out.printf(
                    Locale.ROOT,
                    "%s %s: train %d (%d outcomes), test %d (%d outcomes)%n"
                            + "  current card  AUC train %s test %s, KS test %s; by class (test) %s%n"
                            + "  fitted card   AUC train %s test %s, KS test %s; by class (test) %s%n"
                            + "  weights %s%n  each factor alone, AUC test %s%n  %s%n",
                    g.businessGroup(),
                    g.segment(),
                    g.trainObservations(),
                    g.trainOutcomes(),
                    g.testObservations(),
                    g.testOutcomes(),
                    figure(g.current().trainAuc()),
                    figure(g.current().testAuc()),
                    figure(g.current().testKs()),
                    classes(g.currentClasses()),
                    figure(g.fitted().trainAuc()),
                    figure(g.fitted().testAuc()),
                    figure(g.fitted().testKs()),
                    classes(g.fittedClasses()),
                    g.weights(),
                    g.singleFactorTestAuc(),
                    g.skipped() != null ? "not fitted: " + g.skipped() : "stored as scorecard " + g.fittedCardId());
            if (g.fittedCardId() != null && args.containsOption("adopt")) {
                try {
                    fits.adopt(g.fittedCardId(), "Adopted by fit-scorecard --adopt", Caller.SYSTEM);
                    System.out.println("  adopted scorecard " + g.fittedCardId());
                } catch (ProblemException e) {
                    System.out.println("  not adopted: " + e.getMessage() + " " + e.violations());
                }
            }
        }
    }

    static final String USAGE = "Usage: ./creditdesk fit-scorecard [--as-of yyyy-MM-dd]"
            + " [--outcome paid-late|reaches-overdue|recorded] [--days N] [--months H] [--adopt]";

    /** {@code --name value} or {@code --name=value}; null when absent. */
    static @Nullable String option(ApplicationArguments args, String name) {
        List<String> words = List.of(args.getSourceArgs());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--" + name + "=")) return word.substring(name.length() + 3);
            if (word.equals("--" + name)) {
                if (i + 1 >= words.size()) throw new NumberFormatException("--" + name + " needs a value");
                return words.get(i + 1);
            }
        }
        return null;
    }

    private static @Nullable Integer number(ApplicationArguments args, String name) {
        String value = option(args, name);
        return value == null ? null : Integer.valueOf(value.strip());
    }

    private static String figure(@Nullable Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String classes(List<FitReport.ClassRow> table) {
        StringBuilder out = new StringBuilder();
        for (FitReport.ClassRow row : table) {
            if (!out.isEmpty()) out.append(", ");
            out.append(row.riskClass()).append(' ');
            out.append(
                    row.share() == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT,
                                    "%.1f%% (%d/%d)",
                                    100 * row.share(),
                                    row.outcomes(),
                                    row.observations()));
        }
        return out.toString();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
