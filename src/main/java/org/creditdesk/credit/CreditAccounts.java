package org.creditdesk.credit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each customer's credit account: the running totals the check reads instead of summing the ledger,
 * and the credit facts later modules set (stop, legal, link to a stopped customer, bounced cheque,
 * risk class).
 *
 * <p>The totals follow every ledger write through synchronous listeners ({@code LedgerListener}).
 * Writers that bypass the ledger's events must call {@link #recalculate(Collection)} with the
 * customers they touched, in the same transaction, after their writes: e.g. the imports module after
 * a set-based merge of invoices or payments, {@code creditAccounts.recalculate(touchedCustomerIds)}.
 */
@Service
public class CreditAccounts {

    static final String AUDIT_SUBJECT = "CUSTOMER";

    private final CreditAccountRepository accounts;
    private final AuditTrail audit;
    private final ErpEvents events;
    private final Clock clock;
    private final ApplicationEventPublisher published;

    CreditAccounts(
            CreditAccountRepository accounts,
            AuditTrail audit,
            ErpEvents events,
            Clock clock,
            ApplicationEventPublisher published) {
        this.published = published;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Rebuilds these customers' running totals from the ledger as it stands (one set-based statement). */
    @Transactional
    public void recalculate(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) return;
        accounts.rebuild(Set.copyOf(customerIds));
    }

    /** Rebuilds every customer's running totals (after a bulk load, or to repair). */
    @Transactional
    public void recalculateAll() {
        accounts.rebuild(null);
    }

    /** The running totals of these customers, for reconciling them with {@code Ledger.balances}. */
    @Transactional(readOnly = true)
    public List<LedgerBalance> runningTotals(Collection<Long> customerIds) {
        return accounts.balancesOf(customerIds).stream()
                .map(b -> new LedgerBalance(
                        b.customerId(), b.currency(), b.openReceivables(), b.releasedOrders(), b.unappliedCredit()))
                .toList();
    }

    /** Stops the customer's credit (e.g. after a bounced cheque); every order is blocked until reinstated. */
    @Transactional
    public void stop(CustomerRef customer, String reason, Caller caller) {
        change(
                customer,
                "CREDIT_STOPPED",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        CreditState.STOPPED,
                        reason,
                        f.legal(),
                        f.linkedToStopped(),
                        f.bouncedCheque(),
                        f.riskClass(),
                        f.version()));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        events.publish(ErpEventType.CREDIT_STOPPED, customer.code(), null, payload);
        published.publishEvent(new CreditStopped(customer.id(), customer.code(), reason));
    }

    @Transactional
    public void reinstate(CustomerRef customer, String reason, Caller caller) {
        change(
                customer,
                "CREDIT_REINSTATED",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        CreditState.ACTIVE, null, f.legal(), f.linkedToStopped(), false, f.riskClass(), f.version()));
    }

    @Transactional
    public void markLegal(CustomerRef customer, boolean legal, String reason, Caller caller) {
        change(
                customer,
                "LEGAL_FLAG_SET",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        f.state(),
                        f.stopReason(),
                        legal,
                        f.linkedToStopped(),
                        f.bouncedCheque(),
                        f.riskClass(),
                        f.version()));
        if (legal) published.publishEvent(new CreditStopped(customer.id(), customer.code(), "LEGAL: " + reason));
    }

    /**
     * The legal fact for many customers at once (the daily run opening legal cases), set-based with one
     * audit row per customer whose fact changed; returns how many changed.
     */
    @Transactional
    public int markLegal(Collection<Long> customerIds, boolean legal, String reason, Caller caller) {
        List<String> changed =
                accounts.setLegalAll(customerIds, legal, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.recordAll(
                caller.username(),
                "LEGAL_FLAG_SET",
                AUDIT_SUBJECT,
                changed.stream()
                        .map(code -> new AuditTrail.Change(code, Map.of("legal", !legal), Map.of("legal", legal)))
                        .toList(),
                reason);
        return changed.size();
    }

    @Transactional
    public void markLinkedToStopped(CustomerRef customer, boolean linked, String reason, Caller caller) {
        change(
                customer,
                "LINK_FLAG_SET",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        f.state(), f.stopReason(), f.legal(), linked, f.bouncedCheque(), f.riskClass(), f.version()));
    }

    @Transactional
    public void markBouncedCheque(CustomerRef customer, boolean bounced, String reason, Caller caller) {
        change(
                customer,
                "BOUNCED_CHEQUE_FLAG_SET",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        f.state(),
                        f.stopReason(),
                        f.legal(),
                        f.linkedToStopped(),
                        bounced,
                        f.riskClass(),
                        f.version()));
    }

    @Transactional
    public void setRiskClass(CustomerRef customer, @Nullable String riskClass, String reason, Caller caller) {
        if (riskClass != null && !riskClass.matches("[A-E]")) {
            throw ProblemException.ruleViolation("riskClass", "must be one of A to E")
                    .withKey("problem.text.mustBeOneOfAToE");
        }
        change(
                customer,
                "RISK_CLASS_SET",
                reason,
                caller,
                f -> new CreditAccountRepository.StoredFacts(
                        f.state(),
                        f.stopReason(),
                        f.legal(),
                        f.linkedToStopped(),
                        f.bouncedCheque(),
                        riskClass,
                        f.version()));
    }

    /**
     * Sets many customers' risk classes at once (the risk module's scoring run), set-based: one
     * statement for all, one audit entry for the run naming how many classes changed; the per-customer
     * history of classes is the score history. Returns how many customers' class changed.
     */
    @Transactional
    public int setRiskClasses(Map<Long, String> riskClasses, String reason, Caller caller) {
        if (riskClasses.isEmpty()) return 0;
        riskClasses.forEach((customerId, riskClass) -> {
            if (!riskClass.matches("[A-E]")) {
                throw ProblemException.ruleViolation("riskClass", "must be one of A to E, not " + riskClass)
                        .withKey("problem.text.mustBeOneOfAToE2", riskClass);
            }
        });
        accounts.lockForBulkWrites();
        Map<String, Long> changed =
                accounts.setRiskClasses(riskClasses, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        long total = changed.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("customersScored", riskClasses.size());
            after.put("classesChanged", total);
            after.put("changedTo", changed);
            audit.record(caller.username(), "RISK_CLASSES_SET", "RISK_CLASSES", "portfolio", null, after, reason);
        }
        return (int) total;
    }

    private void change(
            CustomerRef customer,
            String action,
            String reason,
            Caller caller,
            UnaryOperator<CreditAccountRepository.StoredFacts> change) {
        CreditAccountRepository.StoredFacts before = accounts.lock(customer.id());
        CreditAccountRepository.StoredFacts after = change.apply(before);
        if (after.equals(before)) return;
        accounts.setFacts(customer.id(), after, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.record(caller.username(), action, AUDIT_SUBJECT, customer.code(), before, after, reason);
    }
}
