package org.creditdesk.risk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome the company fits its scorecards to, stored as a company setting ({@code GET|PUT
 * /settings/score-outcome}, the fit page's control). A fit that names no outcome uses it. Changed by
 * those who adopt cards (CREDIT_MANAGER, ADMIN) with a reason; every change is audited with the
 * setting before and after.
 */
@Service
public class ScoreOutcomeSettings {

    private final ScoreOutcomeSettingRepository stored;
    private final AuditTrail audit;
    private final CreditPolicies policies;
    private final Clock clock;

    ScoreOutcomeSettings(ScoreOutcomeSettingRepository stored, AuditTrail audit, CreditPolicies policies, Clock clock) {
        this.stored = stored;
        this.audit = audit;
        this.policies = policies;
        this.clock = clock;
    }

    /** The setting as the API answers it: the outcome, its definition and its last change. */
    public record Setting(
            String kind,
            int days,
            int months,
            String definition,
            @Nullable String changedBy,
            @Nullable OffsetDateTime changedAt) {}

    /** {@code PUT /settings/score-outcome}: the kind with its days and months (left out: the kind's defaults) and why. */
    public record Input(
            @Nullable String kind,
            @Nullable Integer days,
            @Nullable Integer months,
            @Nullable String reason) {}

    /** The company's outcome for fits that name none. */
    @Transactional(readOnly = true)
    public ScoreOutcome outcome() {
        return toOutcome(row());
    }

    @Transactional(readOnly = true)
    public Setting setting() {
        return row();
    }

    @Transactional
    public Setting save(Input input, Caller caller) {
        if (caller.roles().stream().noneMatch(FitScorecards.ADOPTERS::contains)) {
            throw ProblemException.forbidden(
                            "Only CREDIT_MANAGER and ADMIN change the outcome scorecards are fitted to")
                    .withKey("problem.text.onlyCreditManagerAndAdminChangeTheScoreOutcome");
        }
        if (input.kind() == null || input.kind().isBlank()) {
            throw ProblemException.ruleViolation(
                            "The outcome setting is invalid", List.of(Violation.field("kind", "is required")))
                    .withKey("problem.text.theOutcomeSettingIsInvalid");
        }
        if (input.reason() == null || input.reason().isBlank()) {
            throw ProblemException.ruleViolation(
                            "The outcome setting is invalid",
                            List.of(Violation.field("reason", "is required: say why the outcome changes")))
                    .withKey("problem.text.theOutcomeSettingIsInvalid");
        }
        if (input.reason().length() > 500) {
            throw ProblemException.ruleViolation(
                            "The outcome setting is invalid",
                            List.of(Violation.field("reason", "must be at most 500 characters")))
                    .withKey("problem.text.theOutcomeSettingIsInvalid");
        }
        ScoreOutcome outcome = ScoreOutcome.of(
                input.kind(), input.days(), input.months(), policies.current().graceDays());
        Setting before = row();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        stored.save(outcome.kind().name(), outcome.days(), outcome.months(), caller.username(), now);
        Setting after = row();
        audit.record(
                caller.username(),
                "SCORE_OUTCOME_CHANGED",
                "SETTINGS",
                "score-outcome",
                before,
                after,
                input.reason().strip());
        return after;
    }

    private Setting row() {
        ScoreOutcomeSettingRepository.Stored row = stored.read();
        return new Setting(
                row.kind(),
                row.days(),
                row.months(),
                toOutcome(row.kind(), row.days(), row.months()).definition(),
                row.changedBy(),
                row.changedAt());
    }

    private static ScoreOutcome toOutcome(Setting s) {
        return toOutcome(s.kind(), s.days(), s.months());
    }

    private static ScoreOutcome toOutcome(String kind, int days, int months) {
        return switch (ScoreOutcome.Kind.valueOf(kind)) {
            case PAID_LATE -> new ScoreOutcome.PaidLate(days, months);
            case REACHES_OVERDUE -> new ScoreOutcome.ReachesOverdue(days, months);
            case RECORDED -> new ScoreOutcome.Recorded(months);
        };
    }
}
