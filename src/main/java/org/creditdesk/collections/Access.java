package org.creditdesk.collections;

import java.util.Set;
import org.creditdesk.collections.ContactRepository.StoredContact;
import org.creditdesk.collections.InvoiceReadRepository.Located;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change what in collections: everything hangs off a customer, so a caller outside
 * the customer's areas gets 404 for its contacts, invoices, chains, activities, promises and disputes.
 * Auditors read only.
 */
@Component
class Access {

    private final Customers customers;
    private final InvoiceReadRepository invoices;
    private final ContactRepository contacts;

    Access(Customers customers, InvoiceReadRepository invoices, ContactRepository contacts) {
        this.customers = customers;
        this.invoices = invoices;
        this.contacts = contacts;
    }

    CustomerRef customer(String code, Caller caller) {
        return customers.require(code, caller);
    }

    Located invoice(String invoiceNo, Caller caller) {
        return invoices.byNo(invoiceNo)
                .filter(i -> caller.sees(i.areaCode()))
                .orElseThrow(() -> ProblemException.notFound("Unknown invoice " + invoiceNo)
                        .withKey("problem.text.unknownInvoice", invoiceNo));
    }

    StoredContact contact(long id, Caller caller) {
        StoredContact stored = contacts.find(id)
                .orElseThrow(() ->
                        ProblemException.notFound("Unknown contact " + id).withKey("problem.text.unknownContact", id));
        customers.require(stored.contact().customerCode(), caller);
        return stored;
    }

    /** The contact named in a request, which must be an active contact of the same customer (else 422). */
    void checkContactOf(@org.jspecify.annotations.Nullable Long contactId, long customerId, String field) {
        if (contactId == null) return;
        boolean ok = contacts.find(contactId)
                .filter(c -> c.customerId() == customerId && c.contact().active())
                .isPresent();
        if (!ok) {
            throw ProblemException.ruleViolation(field, "%d is not a contact of this customer".formatted(contactId))
                    .withKey("problem.text.isNotAContactOfThisCustomer", contactId);
        }
    }

    static void mayChange(Caller caller) {
        if (caller.roles().equals(Set.of(Role.AUDITOR))) {
            throw ProblemException.forbidden("Auditors may read but not change collections")
                    .withKey("problem.text.auditorsMayReadButNotChangeCollections");
        }
    }
}
