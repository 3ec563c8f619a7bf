package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.CommandLineDates;
import org.creditdesk.shared.ProblemException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./creditdesk letter-run [--as-of DATE]}: the letter run of POST /collections/letter-runs without HTTP. */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "letter-run")
class LetterRunCommand implements ApplicationRunner, ExitCodeGenerator {

    private final ReminderLetters letters;
    private int exitCode;

    LetterRunCommand(ReminderLetters letters) {
        this.letters = letters;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate asOf;
        try {
            asOf = CommandLineDates.asOf(args);
        } catch (DateTimeParseException e) {
            System.err.println("Usage: ./creditdesk letter-run [--as-of yyyy-MM-dd]");
            exitCode = 2;
            return;
        }
        try {
            LetterRun run = letters.run(asOf, Caller.SYSTEM);
            System.out.printf(
                    "Letter run %s: %,d letters written, %,d e-mails queued%s%n",
                    run.asOf(),
                    run.lettersGenerated(),
                    run.emailsQueued(),
                    run.rerun() ? " (this date was run before: nothing new)" : "");
        } catch (ProblemException e) {
            System.err.println("Letter run refused: " + e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
