package org.creditdesk.collections.prediction;

import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.CommandLineDates;
import org.creditdesk.shared.ProblemException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code ./creditdesk predict-payments [--as-of DATE]} and {@code ./creditdesk fit-payment-model [--as-of DATE]
 * [--adopt]}: the prediction run and the fit without HTTP.
 */
@Configuration(proxyBeanMethods = false)
class PredictionCommands {

    @Bean
    @ConditionalOnProperty(name = "creditdesk.command", havingValue = "predict-payments")
    Command predictPayments(PaymentPredictions predictions) {
        return new Command("predict-payments [--as-of yyyy-MM-dd]", args -> {
            PredictionRun run = predictions.predict(CommandLineDates.asOf(args), Caller.SYSTEM);
            System.out.printf(
                    "Predicted %,d open invoices as of %s in %,d ms with %s%n",
                    run.invoices(),
                    run.asOf(),
                    run.millis(),
                    run.modelId() == null ? "the baseline (no model adopted)" : "payment model " + run.modelId());
        });
    }

    @Bean
    @ConditionalOnProperty(name = "creditdesk.command", havingValue = "fit-payment-model")
    Command fitPaymentModel(PaymentPredictions predictions) {
        return new Command("fit-payment-model [--as-of yyyy-MM-dd] [--adopt]", args -> {
            PaymentFitReport r = predictions.fit(CommandLineDates.asOf(args), Caller.SYSTEM);
            System.out.printf(
                    Locale.ROOT,
                    "Payment model %d fitted as of %s (grace %d days)%n"
                            + "  trained on %,d paid invoices due %s..%s, tested out of time on %,d due %s..%s"
                            + " (%.1f %% paid late)%n"
                            + "  model     AUC %.4f  MAE %.2f days (train: AUC %.4f, MAE %.2f)%n"
                            + "  baseline  AUC %.4f  MAE %.2f days (customer's average days late)%n"
                            + "  %s; fixed pay days %s%n",
                    r.modelId(),
                    r.asOf(),
                    r.graceDays(),
                    r.trainInvoices(),
                    r.trainFrom(),
                    r.testFrom().minusDays(1),
                    r.testInvoices(),
                    r.testFrom(),
                    r.testUntil().minusDays(1),
                    100 * r.testLateShare(),
                    r.model().auc(),
                    r.model().maeDays(),
                    r.modelTrain().auc(),
                    r.modelTrain().maeDays(),
                    r.baseline().auc(),
                    r.baseline().maeDays(),
                    r.beatsBaseline() ? "beats the baseline on both" : "does NOT beat the baseline on both",
                    r.snapToPayDay() ? "used" : "not used");
            for (PaymentFitReport.Weight w : r.weights()) {
                System.out.printf(Locale.ROOT, "  %-22s late %+.3f  days %+.2f%n", w.feature(), w.late(), w.daysLate());
            }
            if (args.containsOption("adopt") && r.modelId() != null) {
                predictions.adopt(r.modelId(), "Adopted by fit-payment-model --adopt", Caller.SYSTEM);
                System.out.println("  adopted payment model " + r.modelId());
            }
        });
    }

    /** A command: runs once at start, exit code 2 for bad arguments and 1 when refused. */
    static final class Command implements ApplicationRunner, ExitCodeGenerator {

        interface Body {
            void run(ApplicationArguments args);
        }

        private final String usage;
        private final Body body;
        private int exitCode;

        Command(String usage, Body body) {
            this.usage = usage;
            this.body = body;
        }

        @Override
        public void run(ApplicationArguments args) {
            try {
                body.run(args);
            } catch (DateTimeParseException e) {
                System.err.println("Usage: ./creditdesk " + usage);
                exitCode = 2;
            } catch (ProblemException e) {
                System.err.println("Refused: " + e.getMessage());
                exitCode = 1;
            }
        }

        @Override
        public int getExitCode() {
            return exitCode;
        }
    }
}
