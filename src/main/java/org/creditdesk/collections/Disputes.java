package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.collections.DisputeRepository.ServiceUser;
import org.creditdesk.collections.DisputeRepository.StoredDispute;
import org.creditdesk.collections.InvoiceReadRepository.Located;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes: a QUALITY dispute opens an after-sales service case at once (the SERVICE user with the fewest
 * open cases, due in N business days, e-mailed); a CREDIT_NOTE resolution issues the credit note through
 * the ledger in the same transaction, so exposure and the open amount fall together.
 */
@Service
public class Disputes {

    private final DisputeRepository repository;
    private final InvoiceReadRepository invoices;
    private final SettingsRepository settings;
    private final Access access;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;

    Disputes(
            DisputeRepository repository,
            InvoiceReadRepository invoices,
            SettingsRepository settings,
            Access access,
            Ledger ledger,
            AuditTrail audit,
            BusinessCalendar calendar,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.invoices = invoices;
        this.settings = settings;
        this.access = access;
        this.ledger = ledger;
        this.audit = audit;
        this.calendar = calendar;
        this.events = events;
    }

    static String creditNoteNo(long disputeId) {
        return "CN-DSP-" + disputeId;
    }

    @Transactional
    public Dispute raise(String invoiceNo, DisputeInput input, Caller caller) {
        return raise(invoiceNo, input, caller, "");
    }

    /** Raises a dispute sent inside another request, its fields named under {@code fieldPrefix}. */
    @Transactional
    Dispute raise(String invoiceNo, DisputeInput input, Caller caller, String fieldPrefix) {
        Access.mayChange(caller);
        Located located = access.invoice(invoiceNo, caller);
        Fields in = new Fields();
        DisputeReason reason = in.required(fieldPrefix + "reason", input.reason(), DisputeReason.class);
        BigDecimal amount = in.amount(fieldPrefix + "amount", input.amount());
        String note = in.optionalText(fieldPrefix + "note", input.note(), 2000);
        in.rejectIfAny();
        LocalDate raisedOn = calendar.asOfOrToday(input.raisedOn());
        InvoiceRef invoice = located.invoice();
        invoices.lock(invoice.id());
        BigDecimal undisputed = invoice.openAmount().subtract(repository.disputedOpen(invoice.id()));
        if (amount.compareTo(undisputed) > 0) {
            throw ProblemException.ruleViolation(
                            fieldPrefix + "amount",
                            "%s is more than the invoice's open amount not yet disputed (%s %s)"
                                    .formatted(amount.toPlainString(), undisputed.toPlainString(), invoice.currency()))
                    .withKey(
                            "problem.text.isMoreThanTheInvoiceSOpen",
                            amount.toPlainString(),
                            undisputed.toPlainString(),
                            invoice.currency());
        }
        boolean service = reason == DisputeReason.QUALITY;
        long id = repository.insert(
                invoice.customerId(),
                invoice.id(),
                reason,
                amount,
                raisedOn,
                note,
                service ? DisputeStatus.IN_SERVICE : DisputeStatus.OPEN,
                caller.username());
        if (service) openServiceCase(id, invoice, located.customerCode(), raisedOn, amount, note);
        Dispute dispute = repository.find(id).orElseThrow().dispute();
        audit.record(caller.username(), "DISPUTE_RAISED", "DISPUTE", String.valueOf(id), null, dispute, note);
        return dispute;
    }

    private void openServiceCase(
            long disputeId,
            InvoiceRef invoice,
            String customerCode,
            LocalDate on,
            BigDecimal amount,
            @Nullable String note) {
        ServiceUser user = repository.serviceUser().orElse(null);
        LocalDate due = CollectionRules.serviceDueOn(on, settings.load().serviceDueBusinessDays());
        repository.insertCase(disputeId, invoice.customerId(), user == null ? null : user.username(), on, due);
        if (user != null && user.email() != null) {
            repository.queueMail(
                    invoice.customerId(),
                    user.email(),
                    "Service case for quality dispute %d: %s invoice %s"
                            .formatted(disputeId, customerCode, invoice.invoiceNo()),
                    """
                    Customer %s objects to the quality of invoice %s for %s %s.
                    %s
                    Please visit the customer and report by %s.
                    """.formatted(
                                    customerCode,
                                    invoice.invoiceNo(),
                                    amount.toPlainString(),
                                    invoice.currency(),
                                    note == null ? "" : "Note: " + note,
                                    due),
                    "service-case-" + disputeId);
            events.publishEvent(new CollectionsMailQueued());
        }
    }

    @Transactional
    public Dispute resolve(long id, DisputeResolution input, Caller caller) {
        Access.mayChange(caller);
        StoredDispute stored = repository
                .lock(id)
                .orElseThrow(() ->
                        ProblemException.notFound("Unknown dispute " + id).withKey("problem.text.unknownDispute", id));
        access.customer(stored.dispute().customerCode(), caller);
        Fields in = new Fields();
        DisputeOutcome outcome = in.required("outcome", input.outcome(), DisputeOutcome.class);
        String note = in.optionalText("note", input.note(), 2000);
        BigDecimal creditAmount =
                input.creditNoteAmount() == null ? null : in.amount("creditNoteAmount", input.creditNoteAmount());
        in.rejectIfAny();
        Dispute before = stored.dispute();
        if (before.status() == DisputeStatus.RESOLVED) {
            throw ProblemException.ruleViolation(
                            "status",
                            "Dispute %d was resolved already (%s on %s)"
                                    .formatted(id, before.outcome(), before.resolvedOn()))
                    .withKey("problem.text.disputeWasResolvedAlreadyOn", id, before.outcome(), before.resolvedOn());
        }
        LocalDate on = calendar.asOfOrToday(input.on());
        if (on.isBefore(before.raisedOn())) {
            throw ProblemException.ruleViolation(
                            "on", "must not be before the dispute was raised on " + before.raisedOn())
                    .withKey("problem.text.mustNotBeBeforeTheDisputeWas", before.raisedOn());
        }
        BigDecimal credited = null;
        if (outcome == DisputeOutcome.CREDIT_NOTE) {
            credited = creditAmount == null ? before.amount() : creditAmount;
            if (credited.compareTo(before.amount()) > 0) {
                throw ProblemException.ruleViolation(
                                "creditNoteAmount",
                                "must not exceed the disputed amount "
                                        + before.amount().toPlainString())
                        .withKey(
                                "problem.text.mustNotExceedTheDisputedAmount",
                                before.amount().toPlainString());
            }
            ledger.issueCreditNote(
                    new IssueCreditNote(
                            creditNoteNo(id),
                            before.customerCode(),
                            before.invoiceNo(),
                            on,
                            credited,
                            "Dispute %d (%s) resolved by credit note".formatted(id, before.reason()),
                            before.currency()),
                    caller);
        } else if (creditAmount != null) {
            throw ProblemException.ruleViolation(
                            "creditNoteAmount", "only a CREDIT_NOTE resolution issues a credit note")
                    .withKey("problem.text.onlyACREDITNOTEResolutionIssuesA");
        }
        repository.resolve(id, outcome, credited, on, note);
        Dispute after = repository.find(id).orElseThrow().dispute();
        audit.record(caller.username(), "DISPUTE_RESOLVED", "DISPUTE", String.valueOf(id), before, after, note);
        return after;
    }

    @Transactional(readOnly = true)
    public Dispute find(long id, Caller caller) {
        Dispute dispute = repository
                .find(id)
                .orElseThrow(() ->
                        ProblemException.notFound("Unknown dispute " + id).withKey("problem.text.unknownDispute", id))
                .dispute();
        access.customer(dispute.customerCode(), caller);
        return dispute;
    }

    /** Disputes the caller may see; {@code assignedTo} narrows to one service user's cases. */
    @Transactional(readOnly = true)
    public List<Dispute> list(
            @Nullable DisputeStatus status, @Nullable String customerCode, @Nullable String assignedTo, Caller caller) {
        Long customerId = customerCode == null
                ? null
                : access.customer(customerCode, caller).id();
        return repository.list(caller.areaFilter(), status, customerId, assignedTo);
    }
}
