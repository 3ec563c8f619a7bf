package org.creditdesk.collections;

import java.util.List;
import org.creditdesk.collections.ContactRepository.StoredContact;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's people by their role in its payment approval; public for letters and appraisal. */
@Service
public class Contacts {

    private final ContactRepository repository;
    private final Access access;
    private final AuditTrail audit;

    Contacts(ContactRepository repository, Access access, AuditTrail audit) {
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Contact add(String customerCode, ContactInput input, Caller caller) {
        Access.mayChange(caller);
        CustomerRef customer = access.customer(customerCode, caller);
        Contact contact = read(0, customer.code(), input);
        long id = repository.insert(customer.id(), contact);
        Contact stored = repository.find(id).orElseThrow().contact();
        audit.record(caller.username(), "CONTACT_ADDED", "CONTACT", String.valueOf(id), null, stored, null);
        return stored;
    }

    @Transactional
    public Contact update(long id, ContactInput input, Caller caller) {
        Access.mayChange(caller);
        StoredContact before = access.contact(id, caller);
        if (!before.contact().active())
            throw ProblemException.notFound("Unknown contact " + id).withKey("problem.text.unknownContact", id);
        Contact changed = read(id, before.contact().customerCode(), input);
        repository.update(changed);
        Contact after = repository.find(id).orElseThrow().contact();
        audit.record(
                caller.username(), "CONTACT_CHANGED", "CONTACT", String.valueOf(id), before.contact(), after, null);
        return after;
    }

    /** Retires the contact: it keeps its name on what named it, but is no longer listed. */
    @Transactional
    public void retire(long id, Caller caller) {
        Access.mayChange(caller);
        StoredContact before = access.contact(id, caller);
        if (repository.retire(id)) {
            audit.record(
                    caller.username(), "CONTACT_RETIRED", "CONTACT", String.valueOf(id), before.contact(), null, null);
        }
    }

    @Transactional(readOnly = true)
    public List<Contact> of(String customerCode, Caller caller) {
        return repository.ofCustomer(access.customer(customerCode, caller).id());
    }

    private static Contact read(long id, String customerCode, ContactInput input) {
        Fields in = new Fields();
        String name = in.text("name", input.name(), 200);
        String title = in.optionalText("title", input.title(), 200);
        String department = in.optionalText("department", input.department(), 200);
        String phone = in.optionalText("phone", input.phone(), 64);
        String email = in.optionalText("email", input.email(), 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
            in.add("email", "is not an e-mail address");
        ChainRole role = in.required("chainRole", input.chainRole(), ChainRole.class);
        in.rejectIfAny();
        return new Contact(
                id,
                customerCode,
                name,
                title,
                department,
                phone,
                email,
                role,
                Boolean.TRUE.equals(input.generalManager()),
                true);
    }
}
