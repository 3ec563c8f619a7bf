package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings")
class CreditPolicyController {

    private final CreditPolicies policies;
    private final AuthorityMatrices authorities;
    private final Callers callers;

    CreditPolicyController(CreditPolicies policies, AuthorityMatrices authorities, Callers callers) {
        this.policies = policies;
        this.authorities = authorities;
        this.callers = callers;
    }

    /** The policy as API.md shows it: amounts as plain numbers in {@code currency}. */
    record PolicyView(
            PolicyMode mode,
            BigDecimal salesApprovalLimit,
            BigDecimal creditManagerCeiling,
            String currency,
            int graceDays,
            int chequeClearingDays,
            List<EscalationStep> escalation,
            boolean disputedCountsForHold) {

        static PolicyView of(CreditPolicy policy) {
            return new PolicyView(
                    policy.mode(),
                    policy.salesApprovalLimit().amount(),
                    policy.creditManagerCeiling().amount(),
                    policy.salesApprovalLimit().currency().getCurrencyCode(),
                    policy.graceDays(),
                    policy.chequeClearingDays(),
                    policy.escalation(),
                    policy.disputedCountsForHold());
        }
    }

    record MatrixInput(
            @Nullable List<AuthorityRuleInput> rules,
            @Nullable String reason) {}

    @GetMapping("/credit-policy")
    PolicyView policy() {
        callers.current();
        return PolicyView.of(policies.current());
    }

    @PutMapping("/credit-policy")
    PolicyView changePolicy(@RequestBody CreditPolicyInput input) {
        return PolicyView.of(policies.change(input, callers.current()));
    }

    @GetMapping("/authority-matrix")
    AuthorityRows matrix() {
        callers.current();
        return AuthorityRows.of(authorities.current());
    }

    @PutMapping("/authority-matrix")
    AuthorityRows changeMatrix(@RequestBody MatrixInput input) {
        return AuthorityRows.of(authorities.replace(input.rules(), input.reason(), callers.current()));
    }
}
