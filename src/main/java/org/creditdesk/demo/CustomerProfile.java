package org.creditdesk.demo;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One generated customer: its master data as imported, plus how it buys and pays. */
record CustomerProfile(
        int index,
        String code,
        String name,
        String registrationNo,
        LocalDate establishedOn,
        String area,
        BusinessGroup group,
        String salesRep,
        int paymentTermDays,
        String address,
        List<String> phones,
        String email,
        List<String> bankAccounts,
        List<Person> people,
        Behaviour behaviour,
        boolean keyAccount,
        String paymentMethod,
        List<String> productLines,
        @Nullable String linkedTo) {

    enum BusinessGroup {
        VOLUME,
        VALUE_ADDED
    }

    record Person(String role, String name, String idNo) {}

    Person legalRepresentative() {
        return people.stream()
                .filter(p -> p.role().equals("LEGAL_REPRESENTATIVE"))
                .findFirst()
                .orElseThrow();
    }
}
