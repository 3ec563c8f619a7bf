package org.creditdesk.customers;

import java.util.Optional;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.springframework.stereotype.Service;

/** The customer master's public face. */
@Service
public class Customers {

    private final CustomerLookupRepository lookup;

    Customers(CustomerLookupRepository lookup) {
        this.lookup = lookup;
    }

    /** The customer with this code if it exists and the caller may see it (else empty, i.e. 404). */
    public Optional<CustomerRef> find(String code, Caller caller) {
        return lookup.findByCode(code).filter(c -> caller.sees(c.areaCode()));
    }

    public CustomerRef require(String code, Caller caller) {
        return find(code, caller).orElseThrow(() -> ProblemException.notFound("Unknown customer " + code));
    }
}
