package org.creditdesk.customers;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A person behind a customer; shared people link customers to each other. */
public record CustomerPerson(String name, @Nullable String idNo, PersonRole role) {

    public CustomerPerson {
        name = Objects.requireNonNull(name, "name").strip();
        idNo = CustomerData.blankToNull(idNo);
        Objects.requireNonNull(role, "role");
        if (name.isEmpty()) throw new IllegalArgumentException("a person needs a name");
    }
}
