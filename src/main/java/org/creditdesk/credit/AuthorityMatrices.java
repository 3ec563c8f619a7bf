package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The authority matrix as stored, and the {@link Authority} it gives under the current policy. */
@Service
public class AuthorityMatrices {

    static final String AUDIT_SUBJECT = "AUTHORITY_MATRIX";

    private final AuthorityRepository repository;
    private final CreditPolicies policies;
    private final AuditTrail audit;

    AuthorityMatrices(AuthorityRepository repository, CreditPolicies policies, AuditTrail audit) {
        this.repository = repository;
        this.policies = policies;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public AuthorityMatrix current() {
        return repository.load();
    }

    /** Who may decide what right now: the stored matrix read under the current policy. */
    @Transactional(readOnly = true)
    public Authority authority() {
        return new Authority(policies.current(), repository.load());
    }

    /** The reason rows of the matrix: which blocking reasons raise a release's authority (V112). */
    @Transactional(readOnly = true)
    ReleaseSeverity severity() {
        return repository.severity();
    }

    /** Replaces the whole matrix; an identical matrix changes nothing and writes no audit row. */
    @Transactional
    public AuthorityMatrix replace(@Nullable List<AuthorityRuleInput> rows, @Nullable String reason, Caller caller) {
        Permissions.require(caller, Permissions.MATRIX_EDITORS, "change the authority matrix");
        AuthorityMatrix after = AuthorityMatrix.parse(rows);
        repository.lock();
        AuthorityMatrix before = repository.load();
        if (after.equals(before)) {
            return before;
        }
        repository.replace(after);
        audit.record(
                caller.username(),
                "AUTHORITY_MATRIX_CHANGED",
                AUDIT_SUBJECT,
                "company",
                AuthorityRows.of(before),
                AuthorityRows.of(after),
                reason);
        return after;
    }
}
