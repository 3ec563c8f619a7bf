package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/** Turns a policy change as sent into a valid {@link CreditPolicy}, or refuses it naming every bad field. */
final class CreditPolicyRules {

    static final int MAX_GRACE_DAYS = 60;
    static final int MAX_CLEARING_DAYS = 60;
    static final int LEVELS = 4;

    private CreditPolicyRules() {}

    static CreditPolicy apply(CreditPolicyInput input, CreditPolicy current) {
        List<Violation> missing = new ArrayList<>();
        if (input.mode() == null) missing.add(Violation.field("mode", "mode is required"));
        if (input.salesApprovalLimit() == null)
            missing.add(Violation.field("salesApprovalLimit", "salesApprovalLimit is required"));
        if (input.graceDays() == null) missing.add(Violation.field("graceDays", "graceDays is required"));
        if (input.escalation() == null) missing.add(Violation.field("escalation", "escalation is required"));
        if (!missing.isEmpty()) {
            throw ProblemException.malformed("The credit policy is incomplete", missing)
                    .withKey("problem.text.theCreditPolicyIsIncomplete");
        }

        List<Violation> violations = new ArrayList<>();
        Currency currency = current.salesApprovalLimit().currency();
        PolicyMode mode = mode(input.mode(), violations);
        Money salesLimit = amount("salesApprovalLimit", input.salesApprovalLimit(), currency, violations);
        Money ceiling = input.creditManagerCeiling() == null
                ? current.creditManagerCeiling()
                : amount("creditManagerCeiling", input.creditManagerCeiling(), currency, violations);
        int graceDays = days("graceDays", input.graceDays(), MAX_GRACE_DAYS, violations);
        int clearingDays = input.chequeClearingDays() == null
                ? current.chequeClearingDays()
                : days("chequeClearingDays", input.chequeClearingDays(), MAX_CLEARING_DAYS, violations);
        List<EscalationStep> ladder = ladder(input.escalation(), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolation("The credit policy is not valid", violations)
                    .withKey("problem.text.theCreditPolicyIsNotValid");
        }
        boolean disputedCounts =
                input.disputedCountsForHold() == null ? current.disputedCountsForHold() : input.disputedCountsForHold();
        return new CreditPolicy(mode, salesLimit, ceiling, graceDays, clearingDays, ladder, disputedCounts);
    }

    private static PolicyMode mode(@Nullable String value, List<Violation> violations) {
        try {
            return PolicyMode.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    "mode", "mode must be one of " + Arrays.toString(PolicyMode.values()) + ", not '" + value + "'"));
            return PolicyMode.BALANCED;
        }
    }

    private static Money amount(
            String field, @Nullable BigDecimal value, Currency currency, List<Violation> violations) {
        if (value == null || value.signum() < 0) {
            violations.add(Violation.field(field, field + " must be zero or more"));
            return Money.zero(currency);
        }
        try {
            return new Money(value, currency);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    field, field + " has more decimals than " + currency.getCurrencyCode() + " allows"));
            return Money.zero(currency);
        }
    }

    private static int days(String field, @Nullable Integer value, int max, List<Violation> violations) {
        if (value == null || value < 0 || value > max) {
            violations.add(Violation.field(field, field + " must be between 0 and " + max));
            return 0;
        }
        return value;
    }

    private static List<EscalationStep> ladder(
            @Nullable List<CreditPolicyInput.Step> steps, List<Violation> violations) {
        List<EscalationStep> ladder = new ArrayList<>();
        if (steps == null || steps.size() != LEVELS) {
            violations.add(Violation.field("escalation", "escalation must list exactly the levels 1 to " + LEVELS));
            return ladder;
        }
        for (int i = 0; i < steps.size(); i++) {
            CreditPolicyInput.Step step = steps.get(i);
            int expectedLevel = i + 1;
            String prefix = "escalation[" + i + "]";
            if (step.level() == null || step.level() != expectedLevel) {
                violations.add(Violation.field(
                        prefix + ".level", "levels must be 1 to " + LEVELS + " in order; expected " + expectedLevel));
            }
            if (step.fromDays() == null || step.fromDays() < 1) {
                violations.add(Violation.field(prefix + ".fromDays", "fromDays must be at least 1"));
                continue;
            }
            if (!ladder.isEmpty() && step.fromDays() <= ladder.getLast().fromDays()) {
                violations.add(Violation.field(
                        prefix + ".fromDays",
                        "fromDays must be greater than the previous level's "
                                + ladder.getLast().fromDays()));
            }
            ladder.add(new EscalationStep(expectedLevel, step.fromDays()));
        }
        return ladder;
    }
}
