package org.creditdesk.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.customers.BlockingReason;
import org.creditdesk.customers.CreditStanding;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CreditStatusView;
import org.creditdesk.customers.CustomerRef;
import org.springframework.stereotype.Component;

/**
 * The credit module's answer to the customer status: stopped if credit is stopped, on hold while a
 * hold is active or an invoice is overdue beyond grace (live, as the check sees it), else active.
 */
@Component
class CreditStatus implements CreditStatusView {

    private final CreditChecks checks;

    CreditStatus(CreditChecks checks) {
        this.checks = checks;
    }

    @Override
    public CreditStanding standingOf(CustomerRef customer, LocalDate asOf) {
        Standing standing = checks.standingWithFacts(customer, asOf);
        return standing.toCustomerStanding();
    }

    /** The figures and the facts the status is made of. */
    record Standing(CheckResult figures, CreditFacts facts, OverdueFacts overdue) {

        CreditState state() {
            if (facts.storedState() == CreditState.STOPPED) return CreditState.STOPPED;
            return holdReasons().isEmpty() ? CreditState.ACTIVE : CreditState.ON_HOLD;
        }

        /**
         * Every reason that blocks the customer as such, whatever the amount: stored holds, the live
         * overdue rule, and the facts other modules set (bounced cheque, link to a stopped customer,
         * legal case, a risk class that needs a manual release). The header, the credit panel and the
         * status API all show this one list, so none of them can say "active" while the check blocks.
         */
        List<String> holdReasons() {
            List<String> reasons = new ArrayList<>();
            facts.blockingHolds().forEach(h -> add(reasons, h.reason()));
            if (overdue.beyondGrace()) add(reasons, HoldReason.OVERDUE);
            if (facts.bouncedCheque()) add(reasons, HoldReason.BOUNCED_CHEQUE);
            if (facts.linkedToStopped()) add(reasons, HoldReason.LINKED_TO_STOPPED_CUSTOMER);
            if (facts.legal()) add(reasons, HoldReason.LEGAL);
            String riskClass = facts.riskClass();
            if (riskClass != null && CreditRule.RiskClass.DEFAULT.contains(riskClass))
                add(reasons, HoldReason.RISK_CLASS);
            return reasons;
        }

        private static void add(List<String> reasons, HoldReason reason) {
            if (!reasons.contains(reason.name())) reasons.add(reason.name());
        }

        /** The credit check's own reasons for an order of nothing: what blocks every order, explained. */
        List<Reason> blocks() {
            return switch (figures.decision()) {
                case CreditDecision.Blocked blocked -> blocked.reasons();
                case CreditDecision.Approved approved -> List.of();
            };
        }

        CreditStanding toCustomerStanding() {
            return new CreditStanding(
                    state(),
                    holdReasons(),
                    figures.exposure(),
                    figures.creditLimit(),
                    figures.available(),
                    facts.riskClass(),
                    blocks().stream()
                            .map(r -> new BlockingReason(r.code().name(), r.message()))
                            .toList());
        }
    }
}
