package org.creditdesk.monitoring;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code ./creditdesk daily-run [--as-of DATE]}: the daily run without HTTP (default: today). */
@Component
@ConditionalOnProperty(name = "creditdesk.command", havingValue = "daily-run")
class DailyRunCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final String USAGE_LINE = "usage: ./creditdesk daily-run [--as-of yyyy-MM-dd]";

    private final DailyRun dailyRun;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode;

    DailyRunCommand(DailyRun dailyRun) {
        this.dailyRun = dailyRun;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate asOf;
        try {
            asOf = asOf(args.getSourceArgs());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println("daily-run: " + e.getMessage());
            err.println(USAGE_LINE);
            exitCode = USAGE;
            return;
        }
        try {
            DailyRunResult r = dailyRun.run(asOf, Caller.SYSTEM);
            out.printf(
                    "Daily run %s: %d customers evaluated, %d new holds, %d released, escalations %s"
                            + " (entered %s), %d tasks, %d letters, %d legal cases opened, %d ms%n",
                    r.asOf(),
                    r.customersEvaluated(),
                    r.newHolds(),
                    r.releasedHolds(),
                    r.escalations(),
                    r.escalationsEntered(),
                    r.tasksCreated(),
                    r.lettersGenerated(),
                    r.legalCasesOpened(),
                    r.durationMs());
        } catch (ProblemException e) {
            err.println("daily-run: " + e.getMessage());
            exitCode = FAILED;
        }
    }

    /** {@code --as-of DATE} or {@code --as-of=DATE}; null when absent. */
    static @Nullable LocalDate asOf(String... args) {
        LocalDate asOf = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--as-of=")) {
                asOf = LocalDate.parse(arg.substring("--as-of=".length()));
            } else if (arg.equals("--as-of")) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--as-of needs a date");
                asOf = LocalDate.parse(args[++i]);
            } else if (arg.startsWith("--spring.") || arg.startsWith("--creditdesk.") || arg.startsWith("--server.")) {
                continue;
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
        }
        return asOf;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
