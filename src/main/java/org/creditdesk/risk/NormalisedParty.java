package org.creditdesk.risk;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The parts of a customer's master data that can link it to another customer, as entered. */
record NormalisedParty(
        long customerId,
        @Nullable String address,
        @Nullable String email,
        List<String> phones,
        List<String> bankAccounts,
        List<Person> people) {

    NormalisedParty {
        phones = List.copyOf(phones);
        bankAccounts = List.copyOf(bankAccounts);
        people = List.copyOf(people);
    }

    /** A person behind the customer; the ID number identifies them better than the name. */
    record Person(String name, @Nullable String idNo) {}
}
