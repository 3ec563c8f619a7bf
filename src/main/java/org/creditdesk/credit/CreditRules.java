package org.creditdesk.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credit check: every rule, in the order their reasons are listed. The check fails closed: a
 * rule that cannot decide (throws) blocks the order with {@link ReasonCode#CHECK_FAILED}.
 */
final class CreditRules {

    static final List<CreditRule> ALL = List.of(
            new CreditRule.CreditStopped(),
            new CreditRule.BouncedCheque(),
            new CreditRule.LinkedToStoppedCustomer(),
            new CreditRule.Legal(),
            new CreditRule.RiskClass(CreditRule.RiskClass.DEFAULT),
            new CreditRule.OnHold(),
            new CreditRule.Overdue(),
            new CreditRule.ExchangeRates(),
            new CreditRule.NoLimit(),
            new CreditRule.LimitExpired(),
            new CreditRule.OverLimit(),
            new CreditRule.ContractLimit());

    private CreditRules() {}

    static CreditDecision evaluate(CreditSnapshot snapshot) {
        return evaluate(ALL, snapshot);
    }

    static CreditDecision evaluate(List<CreditRule> rules, CreditSnapshot snapshot) {
        List<Reason> reasons = new ArrayList<>();
        for (CreditRule rule : rules) {
            try {
                Optional<String> refusal = rule.refusal(snapshot);
                refusal.ifPresent(message -> reasons.add(new Reason(rule.code(), message)));
            } catch (RuntimeException e) {
                reasons.add(cannotDecide(rule.getClass().getSimpleName(), e));
            }
        }
        return reasons.isEmpty() ? new CreditDecision.Approved() : new CreditDecision.Blocked(reasons);
    }

    static Reason cannotDecide(String what, Throwable e) {
        return new Reason(
                ReasonCode.CHECK_FAILED,
                "The credit check could not decide (%s: %s); the order is blocked until someone looks at it"
                        .formatted(what, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
}
