package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.collections.ApprovalRepository.StepRow;
import org.creditdesk.collections.InvoiceReadRepository.Located;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each large invoice's way through the customer's own payment approval. */
@Service
public class Approvals {

    private final ApprovalRepository repository;
    private final InvoiceReadRepository invoices;
    private final SettingsRepository settings;
    private final Access access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Disputes disputes;

    Approvals(
            ApprovalRepository repository,
            InvoiceReadRepository invoices,
            SettingsRepository settings,
            Access access,
            AuditTrail audit,
            BusinessCalendar calendar,
            Disputes disputes) {
        this.repository = repository;
        this.disputes = disputes;
        this.invoices = invoices;
        this.settings = settings;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** The customer's chain order (its own, else the default). */
    @Transactional(readOnly = true)
    public List<ChainRole> chain(String customerCode, Caller caller) {
        return chainOf(access.customer(customerCode, caller).id());
    }

    @Transactional
    public List<ChainRole> setChain(String customerCode, @Nullable List<String> steps, Caller caller) {
        Access.mayChange(caller);
        CustomerRef customer = access.customer(customerCode, caller);
        Fields in = new Fields();
        List<ChainRole> roles = new ArrayList<>();
        if (steps == null || steps.isEmpty()) in.add("steps", "needs at least one step");
        else {
            for (int i = 0; i < steps.size(); i++) {
                ChainRole role = in.required("steps[" + i + "]", steps.get(i), ChainRole.class);
                if (role != null) roles.add(role);
            }
            if (new LinkedHashSet<>(roles).size() != roles.size()) in.add("steps", "a role appears twice");
        }
        in.rejectIfAny();
        List<ChainRole> before = chainOf(customer.id());
        repository.setChain(customer.id(), roles);
        audit.record(caller.username(), "APPROVAL_CHAIN_SET", "CUSTOMER", customer.code(), before, roles, null);
        return List.copyOf(roles);
    }

    @Transactional(readOnly = true)
    public Approval of(String invoiceNo, @Nullable LocalDate asOf, Caller caller) {
        Located located = access.invoice(invoiceNo, caller);
        return approvals(located.invoice().customerId(), located.customerCode(), List.of(located.invoice()), asOf)
                .getFirst();
    }

    /** The chain of each open invoice of the customer, oldest due first (for the customer's page). */
    @Transactional(readOnly = true)
    public List<Approval> ofOpenInvoices(String customerCode, @Nullable LocalDate asOf, Caller caller) {
        CustomerRef customer = access.customer(customerCode, caller);
        return approvals(customer.id(), customer.code(), invoices.openOf(customer.id()), asOf);
    }

    /**
     * Records where the invoice stands at one step; a paid invoice needs no approval any more (422). A
     * BLOCKER's objection with a {@code dispute} raises it in the same transaction (a QUALITY one opens
     * the service case as any dispute does); a refused dispute stores no step either.
     */
    @Transactional
    public Approval record(String invoiceNo, ApprovalInput input, Caller caller) {
        Access.mayChange(caller);
        Located located = access.invoice(invoiceNo, caller);
        Fields in = new Fields();
        ChainRole role = in.required("chainRole", input.chainRole(), ChainRole.class);
        StepStatus status = in.required("status", input.status(), StepStatus.class);
        String note = in.optionalText("note", input.note(), 2000);
        ApprovalInput.Objection objection = input.dispute();
        if (objection != null) {
            if (role != null && status != null && !CollectionRules.raisesDispute(role, status)) {
                in.add("dispute", "only a BLOCKER's objection (status OBJECTED) raises a dispute");
            }
            in.required("dispute.reason", objection.reason(), DisputeReason.class);
            in.amount("dispute.amount", objection.amount());
        }
        in.rejectIfAny();
        LocalDate on = calendar.asOfOrToday(input.on());
        InvoiceRef invoice = located.invoice();
        invoices.lock(invoice.id());
        if (invoice.openAmount().signum() == 0) {
            throw ProblemException.ruleViolation("invoiceNo", "Invoice %s is paid".formatted(invoiceNo))
                    .withKey("problem.text.invoiceIsPaid", invoiceNo);
        }
        if (!settings.load().needsChain(invoice.amount())) {
            throw ProblemException.ruleViolation(
                            "invoiceNo", "Invoice %s is below the approval chain threshold".formatted(invoiceNo))
                    .withKey("problem.text.invoiceIsBelowTheApprovalChainThreshold", invoiceNo);
        }
        List<ChainRole> chain = chainOf(invoice.customerId());
        if (role != ChainRole.BLOCKER && !chain.contains(role)) {
            throw ProblemException.ruleViolation(
                            "chainRole", "%s is not a step of this customer's chain %s".formatted(role, chain))
                    .withKey("problem.text.isNotAStepOfThisCustomer", role, chain);
        }
        access.checkContactOf(input.contactId(), invoice.customerId(), "contactId");
        repository.insert(
                invoice.customerId(), invoice.id(), role, status, on, input.contactId(), note, caller.username());
        Dispute raised = objection == null
                ? null
                : disputes.raise(
                        invoiceNo,
                        new DisputeInput(objection.reason(), objection.amount(), on, note),
                        caller,
                        "dispute.");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("chainRole", role);
        after.put("status", status);
        after.put("on", on.toString());
        if (raised != null) after.put("disputeId", raised.id());
        audit.record(caller.username(), "APPROVAL_STEP_RECORDED", "INVOICE", invoiceNo, null, after, note);
        LocalDate today = calendar.today();
        return approvals(invoice.customerId(), located.customerCode(), List.of(invoice), on.isAfter(today) ? on : today)
                .getFirst()
                .withRaisedDispute(raised);
    }

    List<ChainRole> chainOf(long customerId) {
        return repository.chainOf(customerId).orElse(ChainRole.DEFAULT_CHAIN);
    }

    private List<Approval> approvals(
            long customerId, String customerCode, List<InvoiceRef> invoiceRefs, @Nullable LocalDate asOf) {
        LocalDate date = calendar.asOfOrToday(asOf);
        CollectionsSettings s = settings.load();
        List<ChainRole> chain = chainOf(customerId);
        Map<Long, Map<ChainRole, ApprovalStep>> current =
                repository.current(invoiceRefs.stream().map(InvoiceRef::id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                StepRow::invoiceId,
                                Collectors.toMap(r -> r.step().chainRole(), StepRow::step)));
        List<Approval> result = new ArrayList<>();
        for (InvoiceRef invoice : invoiceRefs) {
            if (!s.needsChain(invoice.amount())) {
                result.add(new Approval(invoice.invoiceNo(), customerCode, false, List.of(), null, null, null));
                continue;
            }
            Map<ChainRole, ApprovalStep> recorded = current.getOrDefault(invoice.id(), Map.of());
            List<ApprovalStep> steps = new ArrayList<>();
            Set<ChainRole> roles = new LinkedHashSet<>();
            if (recorded.containsKey(ChainRole.BLOCKER)) roles.add(ChainRole.BLOCKER);
            roles.addAll(chain);
            for (ChainRole role : roles) {
                steps.add(recorded.getOrDefault(role, new ApprovalStep(role, null, null, null, null, null)));
            }
            var stalled = CollectionRules.stalledStep(steps, date, s.stallDays());
            result.add(new Approval(
                    invoice.invoiceNo(),
                    customerCode,
                    true,
                    steps,
                    stalled.map(ApprovalStep::chainRole).orElse(null),
                    stalled.map(st -> (int) java.time.temporal.ChronoUnit.DAYS.between(st.since(), date))
                            .orElse(null),
                    null));
        }
        return result;
    }
}
