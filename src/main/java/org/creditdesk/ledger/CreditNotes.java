package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.AllocationRepository.NewAllocation;
import org.creditdesk.ledger.CreditNoteRepository.StoredCreditNote;
import org.creditdesk.ledger.InvoiceRepository.StoredInvoice;
import org.creditdesk.shared.EnabledCurrencies;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues credit notes. A note naming an invoice settles it up to its open amount; whatever is left,
 * and the whole of a note naming no invoice, stays as unapplied credit that lowers the balance.
 */
@Service
class CreditNotes {

    private final EnabledCurrencies enabledCurrencies;

    private final CreditNoteRepository notes;
    private final InvoiceRepository invoices;
    private final AllocationRepository allocations;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    CreditNotes(
            CreditNoteRepository notes,
            InvoiceRepository invoices,
            AllocationRepository allocations,
            Customers customers,
            ApplicationEventPublisher events,
            EnabledCurrencies enabledCurrencies) {
        this.enabledCurrencies = enabledCurrencies;
        this.notes = notes;
        this.invoices = invoices;
        this.allocations = allocations;
        this.customers = customers;
        this.events = events;
    }

    @Transactional
    Recorded<CreditNote> issue(IssueCreditNote command, Caller caller) {
        Inputs in = new Inputs();
        String creditNoteNo = in.key("creditNoteNo", command.creditNoteNo());
        String customerCode = in.text("customerCode", command.customerCode());
        String invoiceNo = in.optionalText("invoiceNo", command.invoiceNo(), TextLimits.KEY_MAX);
        LocalDate issueDate = in.date("issueDate", command.issueDate());
        Currency requestedCurrency = in.currency("currency", command.currency());
        enabledCurrencies.require("currency", requestedCurrency);
        BigDecimal amount = in.amount("amount", command.amount(), requestedCurrency);
        String reason = in.text("reason", command.reason());
        in.rejectIfAny();

        CustomerRef customer = customers.require(customerCode, caller);
        Optional<StoredCreditNote> existing = notes.findByNo(creditNoteNo);
        if (existing.isPresent()) {
            return unchanged(existing.get(), customer, invoiceNo, issueDate, amount, reason, requestedCurrency);
        }

        StoredInvoice invoice = invoiceNo == null ? null : creditedInvoice(invoiceNo, customer);
        Currency currency;
        if (invoice != null) {
            currency = Currency.getInstance(invoice.invoice().currency());
            if (requestedCurrency != null && !requestedCurrency.equals(currency)) {
                throw ProblemException.ruleViolation(
                                "currency", "Invoice %s is in %s".formatted(invoiceNo, currency.getCurrencyCode()))
                        .withKey("problem.text.invoiceIsIn", invoiceNo, currency.getCurrencyCode());
            }
        } else {
            currency = requestedCurrency != null ? requestedCurrency : Currency.getInstance(customer.currency());
        }
        Money money = Inputs.money("amount", amount, currency);
        Allocation.Plan plan = invoice == null
                ? new Allocation.Plan(List.of(), money)
                : Allocation.oldestFirst(money, List.of(Invoicing.openItem(invoice.invoice())));

        CreditNote note = new CreditNote(
                creditNoteNo,
                customer.code(),
                invoiceNo,
                issueDate,
                money.amount(),
                currency.getCurrencyCode(),
                reason,
                plan.remainder().amount());
        Optional<Long> id = notes.insert(customer.id(), note);
        if (id.isEmpty()) {
            return unchanged(
                    notes.findByNo(creditNoteNo).orElseThrow(),
                    customer,
                    invoiceNo,
                    issueDate,
                    amount,
                    reason,
                    requestedCurrency);
        }
        if (invoice != null && !plan.settlements().isEmpty()) {
            List<NewAllocation> rows = plan.settlements().stream()
                    .map(s -> new NewAllocation(
                            invoice.id(), s.amount().amount(), Invoicing.effectiveOn(issueDate, invoice.invoice())))
                    .toList();
            allocations.insertForCreditNote(customer.id(), id.get(), rows);
            invoices.settle(rows);
        }
        events.publishEvent(new CreditNoteIssued(
                id.get(), creditNoteNo, customer.id(), invoiceNo, money, issueDate, plan.remainder()));
        return new Recorded<>(note, true);
    }

    @Transactional(readOnly = true)
    CreditNote find(String creditNoteNo, Caller caller) {
        CreditNote note = notes.findByNo(creditNoteNo)
                .orElseThrow(() -> ProblemException.notFound("Unknown credit note " + creditNoteNo)
                        .withKey("problem.text.unknownCreditNote", creditNoteNo))
                .creditNote();
        customers.require(note.customerCode(), caller);
        return note;
    }

    private StoredInvoice creditedInvoice(String invoiceNo, CustomerRef customer) {
        return invoices.lockByNos(List.of(invoiceNo)).stream()
                .filter(i -> i.customerId() == customer.id())
                .findFirst()
                .orElseThrow(() -> ProblemException.ruleViolation(
                                "invoiceNo",
                                "Invoice %s is not an invoice of customer %s".formatted(invoiceNo, customer.code()))
                        .withKey("problem.text.invoiceIsNotAnInvoiceOfCustomer", invoiceNo, customer.code()));
    }

    private static Recorded<CreditNote> unchanged(
            StoredCreditNote existing,
            CustomerRef customer,
            String invoiceNo,
            LocalDate issueDate,
            BigDecimal amount,
            String reason,
            Currency requestedCurrency) {
        CreditNote note = existing.creditNote();
        boolean same = existing.customerId() == customer.id()
                && Objects.equals(note.invoiceNo(), invoiceNo)
                && note.issueDate().equals(issueDate)
                && note.amount().compareTo(amount) == 0
                && note.reason().equals(reason)
                && (requestedCurrency == null || note.currency().equals(requestedCurrency.getCurrencyCode()));
        if (!same) {
            throw ProblemException.conflict(
                            "Credit note %s exists already with other content".formatted(note.creditNoteNo()))
                    .withKey("problem.text.creditNoteExistsAlreadyWithOtherContent", note.creditNoteNo());
        }
        return new Recorded<>(note, false);
    }
}
