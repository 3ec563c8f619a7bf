package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Who may approve limits and release blocked orders, by policy mode, action and role. A role with no
 * rule for a mode and action has no authority there. The matrix holds the company's two invariants:
 * under FINANCE_LED sales roles never decide, and auditors never decide anywhere.
 */
public record AuthorityMatrix(List<AuthorityRule> rules) {

    private static final Set<Role> SALES = Set.of(Role.SALES_MANAGER, Role.SALES_REP);
    private static final Comparator<AuthorityRule> ORDER = Comparator.comparing(AuthorityRule::mode)
            .thenComparing(AuthorityRule::action)
            .thenComparing(AuthorityRule::role);

    public AuthorityMatrix {
        rules = rules.stream().sorted(ORDER).toList();
    }

    public Optional<AuthorityRule> rule(PolicyMode mode, AuthorityAction action, Role role) {
        return rules.stream()
                .filter(r -> r.mode() == mode && r.action() == action && r.role() == role)
                .findFirst();
    }

    public List<AuthorityRule> rulesFor(PolicyMode mode, AuthorityAction action) {
        return rules.stream()
                .filter(r -> r.mode() == mode && r.action() == action)
                .toList();
    }

    /** Validates rows as sent and builds the matrix, or refuses naming each bad row's field. */
    public static AuthorityMatrix parse(@Nullable List<AuthorityRuleInput> rows) {
        if (rows == null) {
            throw ProblemException.malformed(
                            "rules are required", List.of(Violation.field("rules", "rules are required")))
                    .withKey("problem.text.rulesAreRequired");
        }
        List<Violation> violations = new ArrayList<>();
        List<AuthorityRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            AuthorityRuleInput row = rows.get(i);
            String at = "rules[" + i + "].";
            PolicyMode mode = parse(PolicyMode.class, at + "mode", row.mode(), violations);
            AuthorityAction action = parse(AuthorityAction.class, at + "action", row.action(), violations);
            Role role = parse(Role.class, at + "role", row.role(), violations);
            Ceiling ceiling = ceiling(at, row.upTo(), row.maxAmount(), violations);
            if (mode == null || action == null || role == null || ceiling == null) continue;
            if (!seen.add(mode + "/" + action + "/" + role)) {
                violations.add(Violation.field(
                        at + "role", "%s already has a rule for %s under %s".formatted(role, action, mode)));
            }
            if (mode == PolicyMode.FINANCE_LED && SALES.contains(role)) {
                violations.add(Violation.field(at + "role", "sales roles never decide under FINANCE_LED"));
            }
            if (role == Role.AUDITOR) {
                violations.add(Violation.field(at + "role", "auditors are read-only and never decide"));
            }
            rules.add(new AuthorityRule(mode, action, role, ceiling));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolation("The authority matrix is not valid", violations)
                    .withKey("problem.text.theAuthorityMatrixIsNotValid");
        }
        return new AuthorityMatrix(rules);
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, String field, @Nullable String value, List<Violation> violations) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) return constant;
            }
        }
        violations.add(Violation.field(
                field, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'"));
        return null;
    }

    private static @Nullable Ceiling ceiling(
            String at, @Nullable String upTo, @Nullable BigDecimal maxAmount, List<Violation> violations) {
        if ("AMOUNT".equals(upTo)) {
            if (maxAmount == null
                    || maxAmount.signum() < 0
                    || maxAmount.stripTrailingZeros().scale() > 2) {
                violations.add(
                        Violation.field(at + "maxAmount", "maxAmount must be zero or more with at most 2 decimals"));
                return null;
            }
            return new Ceiling.Amount(maxAmount);
        }
        if (maxAmount != null) {
            violations.add(Violation.field(at + "maxAmount", "maxAmount is only for upTo AMOUNT"));
            return null;
        }
        try {
            return Ceiling.of(String.valueOf(upTo), null);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    at + "upTo",
                    "upTo must be UNLIMITED, SALES_APPROVAL_LIMIT, CREDIT_MANAGER_CEILING or AMOUNT, not '" + upTo
                            + "'"));
            return null;
        }
    }
}
