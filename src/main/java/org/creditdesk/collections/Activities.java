package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every contact with the customer: calls, visits, e-mails, letters and notes, with the next action. */
@Service
public class Activities {

    static final int TIMELINE = 200;

    private final ActivityRepository repository;
    private final InvoiceReadRepository invoices;
    private final Access access;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;

    Activities(
            ActivityRepository repository,
            InvoiceReadRepository invoices,
            Access access,
            AuditTrail audit,
            BusinessCalendar calendar) {
        this.repository = repository;
        this.invoices = invoices;
        this.access = access;
        this.audit = audit;
        this.calendar = calendar;
    }

    @Transactional
    public Activity record(String customerCode, ActivityInput input, Caller caller) {
        Access.mayChange(caller);
        CustomerRef customer = access.customer(customerCode, caller);
        Fields in = new Fields();
        ActivityType type = in.required("type", input.type(), ActivityType.class);
        String note = in.text("note", input.note(), 4000);
        in.rejectIfAny();
        LocalDate on = calendar.asOfOrToday(input.on());
        if (input.nextActionOn() != null && input.nextActionOn().isBefore(on)) {
            throw ProblemException.ruleViolation("nextActionOn", "must not be before the activity's date " + on)
                    .withKey("problem.text.mustNotBeBeforeTheActivityS", on);
        }
        access.checkContactOf(input.contactId(), customer.id(), "contactId");
        List<Long> invoiceIds = invoiceIds(customer, input.invoiceNos());
        Activity activity = new Activity(
                0,
                customer.code(),
                type,
                on,
                input.contactId(),
                null,
                List.of(),
                note,
                input.nextActionOn(),
                caller.username());
        long id = repository.insert(customer.id(), activity, invoiceIds);
        Activity stored = repository.find(customer.id(), id);
        audit.record(caller.username(), "ACTIVITY_RECORDED", "CUSTOMER", customer.code(), null, stored, null);
        return stored;
    }

    @Transactional(readOnly = true)
    public List<Activity> of(String customerCode, Caller caller) {
        return repository.ofCustomer(access.customer(customerCode, caller).id(), TIMELINE);
    }

    /** The ids of the customer's invoices with these numbers; any that is not the customer's answers 422. */
    List<Long> invoiceIds(CustomerRef customer, @Nullable List<String> invoiceNos) {
        if (invoiceNos == null || invoiceNos.isEmpty()) return List.of();
        LinkedHashSet<String> wanted = new LinkedHashSet<>(invoiceNos);
        List<InvoiceRef> found = invoices.ofCustomer(customer.id(), wanted);
        if (found.size() != wanted.size()) {
            wanted.removeAll(found.stream().map(InvoiceRef::invoiceNo).toList());
            throw ProblemException.ruleViolation(
                            "invoiceNos", "not invoices of customer %s: %s".formatted(customer.code(), wanted))
                    .withKey("problem.text.notInvoicesOfCustomer", customer.code(), wanted);
        }
        return found.stream().map(InvoiceRef::id).toList();
    }
}
