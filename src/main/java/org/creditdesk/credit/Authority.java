package org.creditdesk.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.Money;

/**
 * The one place that decides who may approve a limit or release a blocked order: the matrix read
 * under the current policy. Pure Java; every caller (limit approval, order release, the pages) asks
 * here instead of checking roles itself.
 */
public record Authority(CreditPolicy policy, AuthorityMatrix matrix) {

    /**
     * May {@code caller} take {@code action} for {@code amount} on a customer of {@code customerArea}?
     * The caller's strongest role wins. Sales roles act only within the caller's areas. Bounded
     * ceilings are in the policy's currency; an amount in another currency is covered only by an
     * unlimited rule, since converting it here would mean guessing a rate.
     */
    public AuthorityDecision decide(Caller caller, AuthorityAction action, Money amount, String customerArea) {
        PolicyMode mode = policy.mode();
        List<String> refusals = new ArrayList<>();
        for (Role role : caller.roles().stream().sorted().toList()) {
            Optional<AuthorityRule> rule = matrix.rule(mode, action, role);
            if (rule.isEmpty()) continue;
            if (role.isAreaScoped() && !caller.sees(customerArea)) {
                refusals.add("as %s you act only within your areas, and the customer is in %s"
                        .formatted(role, customerArea));
                continue;
            }
            Optional<Money> ceiling = rule.get().ceiling().under(policy);
            if (ceiling.isEmpty()) {
                return new AuthorityDecision.Allowed(role);
            }
            Money max = ceiling.get();
            if (!max.currency().equals(amount.currency())) {
                refusals.add("as %s your authority is in %s and cannot cover an amount in %s"
                        .formatted(role, max.currency(), amount.currency()));
            } else if (amount.compareTo(max) <= 0) {
                return new AuthorityDecision.Allowed(role);
            } else {
                refusals.add("as %s you may cover up to %s".formatted(role, max));
            }
        }
        String what = action == AuthorityAction.APPROVE_LIMIT ? "approve a limit of" : "release an order of";
        if (refusals.isEmpty()) {
            return new AuthorityDecision.Denied("Under the %s policy none of your roles %s may %s %s"
                    .formatted(mode, caller.roles().stream().sorted().toList(), what, amount));
        }
        return new AuthorityDecision.Denied(
                "Under the %s policy you may not %s %s: %s".formatted(mode, what, amount, String.join("; ", refusals)));
    }
}
