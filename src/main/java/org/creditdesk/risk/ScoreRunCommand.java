package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.CommandLineDates;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./creditdesk scoring-run [--as-of DATE]}: the scoring run of POST /scoring-runs without HTTP. */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "scoring-run")
class ScoreRunCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Scores scores;
    private int exitCode;

    ScoreRunCommand(Scores scores) {
        this.scores = scores;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate asOf;
        try {
            asOf = CommandLineDates.asOf(args);
        } catch (DateTimeParseException e) {
            System.err.println("Usage: ./creditdesk scoring-run [--as-of yyyy-MM-dd]: " + e.getParsedString());
            exitCode = 2;
            return;
        }
        ScoreRun run = scores.run(asOf, Caller.SYSTEM);
        System.out.printf(
                "Scored %,d customers as of %s in %,d ms: %s; %,d classes changed, %,d alerts%n",
                run.customersScored(),
                run.asOf(),
                run.millis(),
                new java.util.TreeMap<>(run.byClass()),
                run.classesChanged(),
                run.alertsRaised());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
