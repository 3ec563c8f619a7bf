package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** What the pages read and change, gathered so the page controller keeps few collaborators. */
@Component
class CollectionsView {

    private final Access access;
    private final InvoiceReadRepository invoices;
    private final Contacts contacts;
    private final Approvals approvals;
    private final Activities activities;
    private final Promises promises;
    private final Disputes disputes;

    CollectionsView(
            Access access,
            InvoiceReadRepository invoices,
            Contacts contacts,
            Approvals approvals,
            Activities activities,
            Promises promises,
            Disputes disputes) {
        this.access = access;
        this.invoices = invoices;
        this.contacts = contacts;
        this.approvals = approvals;
        this.activities = activities;
        this.promises = promises;
        this.disputes = disputes;
    }

    CustomerRef customer(String code, Caller caller) {
        return access.customer(code, caller);
    }

    List<InvoiceRef> openInvoices(String code, Caller caller) {
        return invoices.openOf(access.customer(code, caller).id());
    }

    List<Contact> contacts(String code, Caller caller) {
        return contacts.of(code, caller);
    }

    Contact addContact(String code, ContactInput input, Caller caller) {
        return contacts.add(code, input, caller);
    }

    void retireContact(long id, Caller caller) {
        contacts.retire(id, caller);
    }

    List<ChainRole> chain(String code, Caller caller) {
        return approvals.chain(code, caller);
    }

    List<Approval> approvals(String code, Caller caller) {
        return approvals.ofOpenInvoices(code, null, caller);
    }

    Approval recordStep(String invoiceNo, ApprovalInput input, Caller caller) {
        return approvals.record(invoiceNo, input, caller);
    }

    List<Activity> activities(String code, Caller caller) {
        return activities.of(code, caller);
    }

    Activity recordActivity(String code, ActivityInput input, Caller caller) {
        return activities.record(code, input, caller);
    }

    List<Promise> promises(String code, Caller caller) {
        return promises.list(null, code, null, null, caller);
    }

    List<Promise> promisesBetween(LocalDate from, LocalDate to, Caller caller) {
        return promises.list(null, null, from, to, caller);
    }

    Promise makePromise(String code, PromiseInput input, Caller caller) {
        return promises.make(code, input, caller);
    }

    List<Dispute> disputes(String code, Caller caller) {
        return disputes.list(null, code, null, caller);
    }

    List<Dispute> disputes(@Nullable DisputeStatus status, @Nullable String assignedTo, Caller caller) {
        return disputes.list(status, null, assignedTo, caller);
    }

    Dispute raiseDispute(String invoiceNo, DisputeInput input, Caller caller) {
        return disputes.raise(invoiceNo, input, caller);
    }

    Dispute resolve(long id, DisputeResolution input, Caller caller) {
        return disputes.resolve(id, input, caller);
    }
}
