package org.creditdesk.credit;

import static org.creditdesk.identity.Role.CREDIT_MANAGER;
import static org.creditdesk.identity.Role.FINANCE;
import static org.creditdesk.identity.Role.GENERAL_MANAGER;
import static org.creditdesk.identity.Role.SALES_MANAGER;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builders shared by the credit tests: the default policy and matrix, callers, customers. */
final class CreditFixtures {

    private CreditFixtures() {}

    static CreditPolicy defaultPolicy(PolicyMode mode) {
        return new CreditPolicy(
                mode,
                Money.of("100000.00", "CNY"),
                Money.of("1000000.00", "CNY"),
                7,
                3,
                List.of(
                        new EscalationStep(1, 1),
                        new EscalationStep(2, 16),
                        new EscalationStep(3, 31),
                        new EscalationStep(4, 61)));
    }

    /** The matrix V11__credit_policy.sql seeds, written out independently. */
    static AuthorityMatrix defaultMatrix() {
        List<AuthorityRule> rules = new ArrayList<>();
        for (AuthorityAction action : AuthorityAction.values()) {
            for (Role role : List.of(SALES_MANAGER, CREDIT_MANAGER, FINANCE, GENERAL_MANAGER)) {
                rules.add(new AuthorityRule(PolicyMode.SALES_LED, action, role, new Ceiling.Unlimited()));
            }
            rules.add(new AuthorityRule(PolicyMode.BALANCED, action, SALES_MANAGER, new Ceiling.SalesApprovalLimit()));
            rules.add(
                    new AuthorityRule(PolicyMode.BALANCED, action, CREDIT_MANAGER, new Ceiling.CreditManagerCeiling()));
            rules.add(new AuthorityRule(PolicyMode.BALANCED, action, GENERAL_MANAGER, new Ceiling.Unlimited()));
            for (Role role : List.of(CREDIT_MANAGER, FINANCE, GENERAL_MANAGER)) {
                rules.add(new AuthorityRule(PolicyMode.FINANCE_LED, action, role, new Ceiling.Unlimited()));
            }
        }
        return new AuthorityMatrix(rules);
    }

    static List<AuthorityRuleInput> asInput(AuthorityMatrix matrix) {
        return AuthorityRows.of(matrix).rules().stream()
                .map(r -> new AuthorityRuleInput(r.mode(), r.action(), r.role(), r.upTo(), r.maxAmount()))
                .toList();
    }

    static CreditPolicyInput asInput(CreditPolicy policy, String reason) {
        return new CreditPolicyInput(
                policy.mode().name(),
                policy.salesApprovalLimit().amount(),
                policy.creditManagerCeiling().amount(),
                policy.graceDays(),
                policy.chequeClearingDays(),
                policy.escalation().stream()
                        .map(s -> new CreditPolicyInput.Step(s.level(), s.fromDays()))
                        .toList(),
                reason,
                policy.disputedCountsForHold());
    }

    static Caller caller(String username, Role role, String... areas) {
        return new Caller(username, Set.of(role), Set.of(areas));
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Inserts a customer straight into the master table (the customers module is built in parallel). */
    static String customer(JdbcClient jdbc, String area, String businessGroup) {
        String code = "CR-" + suffix();
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code) ON CONFLICT DO NOTHING")
                .param("code", area)
                .update();
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, :name, :area, :group, 30, 'CNY')
                        """)
                .param("code", code)
                .param("name", "Credit Test " + code)
                .param("area", area)
                .param("group", businessGroup)
                .update();
        return code;
    }
}
