package org.creditdesk.credit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The company's credit policy: read by every credit decision, changed by admins and the general manager. */
@Service
public class CreditPolicies {

    static final String AUDIT_SUBJECT = "CREDIT_POLICY";

    private final CreditPolicyRepository repository;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    CreditPolicies(CreditPolicyRepository repository, BusinessCalendar calendar, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CreditPolicy current() {
        return repository.load(calendar.baseCurrency());
    }

    /**
     * Only the grace days and the escalation ladder, in one statement without a transaction: the customer
     * status evaluates its live escalation level on every read (issue 14), and needs nothing else of the policy.
     */
    public EscalationPolicy escalation() {
        return repository.escalation();
    }

    /** Replaces the policy; an identical policy changes nothing and writes no audit row. */
    @Transactional
    public CreditPolicy change(CreditPolicyInput input, Caller caller) {
        Permissions.require(caller, Permissions.POLICY_EDITORS, "change the credit policy");
        repository.lock();
        CreditPolicy before = current();
        CreditPolicy after = CreditPolicyRules.apply(input, before);
        if (after.equals(before)) {
            return before;
        }
        repository.save(after, caller.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(
                caller.username(), "CREDIT_POLICY_CHANGED", AUDIT_SUBJECT, "company", before, after, input.reason());
        return after;
    }
}
