package org.creditdesk.risk;

import java.util.List;
import java.util.Locale;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * What a scorecard fit learns to predict for a customer observed on a month-end: a setting of each
 * fit, written into its report and into the fitted card's report.
 */
public sealed interface ScoreOutcome {

    /** The kinds as the API, the CLI ({@code --outcome}) and the fit page name them. */
    enum Kind {
        PAID_LATE,
        REACHES_OVERDUE,
        RECORDED
    }

    /** Months after the observation date in which the outcome is looked for. */
    int months();

    Kind kind();

    /** Days of the definition (late by, overdue by); 0 for recorded outcomes. */
    int days();

    /** The definition in a sentence, for the report and the page. */
    String definition();

    /**
     * An invoice of the customer falling due in the next {@code months} months is paid more than
     * {@code days} days after its due date (or is still unpaid then). Customers without an invoice
     * falling due in the window are not observed: nothing could be paid late.
     */
    record PaidLate(int days, int months) implements ScoreOutcome {
        public Kind kind() {
            return Kind.PAID_LATE;
        }

        public String definition() {
            return "an invoice falling due within %d months is paid more than %d days late".formatted(months, days);
        }
    }

    /**
     * An invoice of the customer reaches {@code days} days overdue within the next {@code months}
     * months. Customers already that far overdue on the date are not observed.
     */
    record ReachesOverdue(int days, int months) implements ScoreOutcome {
        public Kind kind() {
            return Kind.REACHES_OVERDUE;
        }

        public String definition() {
            return "an invoice reaches %d days overdue within %d months".formatted(days, months);
        }
    }

    /**
     * An outcome recorded for the customer (default, insolvency, legal case, write-off) is dated within
     * the next {@code months} months. Customers with a recorded outcome on or before the date are not
     * observed.
     */
    record Recorded(int months) implements ScoreOutcome {
        public Kind kind() {
            return Kind.RECORDED;
        }

        public int days() {
            return 0;
        }

        public String definition() {
            return "a recorded outcome (%s) within %d months"
                    .formatted(String.join(", ", CustomerOutcomes.TYPES), months);
        }
    }

    /** Today's outcome of the fit when none is asked for. */
    ScoreOutcome DEFAULT = new ReachesOverdue(60, 6);

    /**
     * The outcome from its kind and parameters as the API, CLI and page give them; missing parameters
     * take the defaults (late by the grace days within 3 months, 60 days within 6, recorded within 12).
     */
    static ScoreOutcome of(@Nullable String kind, @Nullable Integer days, @Nullable Integer months, int graceDays) {
        if (kind == null || kind.isBlank()) {
            if (days != null || months != null) {
                throw ProblemException.ruleViolation("outcome", "name the outcome whose days or months are given")
                        .withKey("problem.text.nameTheOutcomeWhoseDaysOrMonths");
            }
            return DEFAULT;
        }
        Kind k;
        try {
            k = Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.ruleViolation(
                    "outcome", "must be one of PAID_LATE, REACHES_OVERDUE, RECORDED, not '" + kind + "'");
        }
        if (days != null && (days < 0 || days > 365)) {
            throw ProblemException.ruleViolation("days", "must be 0 to 365").withKey("problem.text.daysMustBe0To365");
        }
        if (months != null && (months < 1 || months > 36)) {
            throw ProblemException.ruleViolation("months", "must be 1 to 36").withKey("problem.text.monthsMustBe1To36");
        }
        return switch (k) {
            case PAID_LATE -> new PaidLate(days == null ? graceDays : days, months == null ? 3 : months);
            case REACHES_OVERDUE -> new ReachesOverdue(days == null ? 60 : days, months == null ? 6 : months);
            case RECORDED -> {
                if (days != null && days != 0) {
                    throw ProblemException.ruleViolation(
                            "The outcome is invalid",
                            List.of(Violation.field("days", "a recorded outcome has no days")));
                }
                yield new Recorded(months == null ? 12 : months);
            }
        };
    }
}
