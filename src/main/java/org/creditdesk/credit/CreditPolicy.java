package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.shared.Money;

/**
 * The company's credit policy. Amounts are in the company's base currency; the escalation ladder
 * has levels 1 to 4 with strictly increasing thresholds.
 *
 * @param salesApprovalLimit what a sales manager may approve under {@link PolicyMode#BALANCED}
 * @param creditManagerCeiling what a credit manager may approve under {@link PolicyMode#BALANCED}
 * @param graceDays lateness that is only monitored, not blocked
 * @param chequeClearingDays how long a received cheque still counts in exposure
 * @param disputedCountsForHold whether an amount under dispute counts for the automatic overdue hold
 *     (when not, an overdue invoice holds the customer only for its undisputed part)
 */
public record CreditPolicy(
        PolicyMode mode,
        Money salesApprovalLimit,
        Money creditManagerCeiling,
        int graceDays,
        int chequeClearingDays,
        List<EscalationStep> escalation,
        boolean disputedCountsForHold) {

    public CreditPolicy {
        escalation = List.copyOf(escalation);
    }

    /** A policy under which disputed amounts count for the overdue hold (the default). */
    public CreditPolicy(
            PolicyMode mode,
            Money salesApprovalLimit,
            Money creditManagerCeiling,
            int graceDays,
            int chequeClearingDays,
            List<EscalationStep> escalation) {
        this(mode, salesApprovalLimit, creditManagerCeiling, graceDays, chequeClearingDays, escalation, true);
    }

    /** The escalation level (0 = none) of an account that many days overdue. */
    public int escalationLevel(int daysOverdue) {
        int level = 0;
        for (EscalationStep step : escalation) {
            if (daysOverdue >= step.fromDays()) level = Math.max(level, step.level());
        }
        return level;
    }
}
