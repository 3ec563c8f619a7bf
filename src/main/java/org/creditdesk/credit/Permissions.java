package org.creditdesk.credit;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;

/** Who may do the credit module's plain (not amount-dependent) operations; amounts go through {@link Authority}. */
final class Permissions {

    static final Set<Role> POLICY_EDITORS = Set.of(Role.ADMIN, Role.GENERAL_MANAGER);
    static final Set<Role> MATRIX_EDITORS = Set.of(Role.ADMIN);
    static final Set<Role> LIMIT_REQUESTERS = Set.of(
            Role.SALES_REP,
            Role.SALES_MANAGER,
            Role.CREDIT_SUPERVISOR,
            Role.CREDIT_MANAGER,
            Role.FINANCE,
            Role.GENERAL_MANAGER);
    static final Set<Role> SECURITY_KEEPERS = Set.of(Role.CREDIT_MANAGER, Role.FINANCE, Role.GENERAL_MANAGER);
    static final Set<Role> RATE_KEEPERS = Set.of(Role.ADMIN, Role.FINANCE);
    static final Set<Role> HOLD_KEEPERS =
            Set.of(Role.ADMIN, Role.CREDIT_SUPERVISOR, Role.CREDIT_MANAGER, Role.FINANCE, Role.GENERAL_MANAGER);
    static final Set<Role> EVENT_READERS = Set.of(
            Role.ADMIN, Role.AUDITOR, Role.CREDIT_MANAGER, Role.CREDIT_SUPERVISOR, Role.FINANCE, Role.GENERAL_MANAGER);

    private Permissions() {}

    static void require(Caller caller, Set<Role> allowed, String what) {
        if (caller.roles().stream().noneMatch(allowed::contains)) {
            String roles = allowed.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
            throw ProblemException.forbidden("Only " + roles + " may " + what)
                    .withKey("problem.text.onlyMay", roles, what);
        }
    }

    static boolean has(Caller caller, Set<Role> allowed) {
        return caller.roles().stream().anyMatch(allowed::contains);
    }

    static Set<Role> of(Role... roles) {
        return Set.copyOf(Arrays.asList(roles));
    }
}
