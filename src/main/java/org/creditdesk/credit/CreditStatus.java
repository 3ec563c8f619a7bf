package org.creditdesk.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.customers.CreditStanding;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CreditStatusView;
import org.creditdesk.customers.CustomerRef;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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
    @Transactional(readOnly = true)
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

        List<String> holdReasons() {
            List<String> reasons = new ArrayList<>();
            facts.blockingHolds().forEach(h -> reasons.add(h.reason().name()));
            if (overdue.beyondGrace() && !reasons.contains(HoldReason.OVERDUE.name())) {
                reasons.add(HoldReason.OVERDUE.name());
            }
            return reasons;
        }

        CreditStanding toCustomerStanding() {
            return new CreditStanding(
                    state(),
                    holdReasons(),
                    figures.exposure(),
                    figures.creditLimit(),
                    figures.available(),
                    facts.riskClass());
        }
    }
}
