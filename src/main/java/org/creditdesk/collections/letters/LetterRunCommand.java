package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
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
            asOf = asOf(args);
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

    static @Nullable LocalDate asOf(ApplicationArguments args) {
        List<String> words = List.of(args.getSourceArgs());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("--as-of=")) return LocalDate.parse(word.substring("--as-of=".length()));
            if (word.equals("--as-of")) {
                if (i + 1 >= words.size()) throw new DateTimeParseException("--as-of needs a date", "", 0);
                return LocalDate.parse(words.get(i + 1));
            }
        }
        return null;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
