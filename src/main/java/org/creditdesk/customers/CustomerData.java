package org.creditdesk.customers;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer's master data as the business maintains it. Optional texts are stripped and blank ones
 * become absent, so that sending the same record again compares equal and changes nothing.
 */
public record CustomerData(
        String name,
        @Nullable String registrationNo,
        @Nullable LocalDate establishedOn,
        String area,
        BusinessGroup businessGroup,
        @Nullable String salesRep,
        int paymentTermDays,
        Currency currency,
        @Nullable String address,
        List<String> phones,
        @Nullable String email,
        List<String> bankAccounts,
        List<CustomerPerson> people) {

    public static final int MAX_PAYMENT_TERM_DAYS = 3650;

    public CustomerData {
        name = required(name, "name");
        registrationNo = blankToNull(registrationNo);
        area = required(area, "area");
        Objects.requireNonNull(businessGroup, "businessGroup");
        salesRep = blankToNull(salesRep);
        if (paymentTermDays < 0 || paymentTermDays > MAX_PAYMENT_TERM_DAYS) {
            throw new IllegalArgumentException("paymentTermDays must be between 0 and " + MAX_PAYMENT_TERM_DAYS);
        }
        Objects.requireNonNull(currency, "currency");
        address = blankToNull(address);
        phones = phones.stream().map(String::strip).toList();
        email = blankToNull(email);
        bankAccounts = bankAccounts.stream().map(String::strip).toList();
        people = List.copyOf(people);
    }

    private static String required(String value, String field) {
        String stripped = Objects.requireNonNull(value, field).strip();
        if (stripped.isEmpty()) throw new IllegalArgumentException(field + " must not be blank");
        return stripped;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        if (value == null) return null;
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
