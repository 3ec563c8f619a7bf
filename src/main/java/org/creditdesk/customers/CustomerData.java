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
        List<CustomerPerson> people,
        @Nullable String language) {

    public static final int MAX_PAYMENT_TERM_DAYS = 3650;

    /** The languages letters are written in; a customer without one gets the company's. */
    public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "zh-CN");

    /** Without a letter language of its own (the company's applies). */
    public CustomerData(
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
        this(
                name,
                registrationNo,
                establishedOn,
                area,
                businessGroup,
                salesRep,
                paymentTermDays,
                currency,
                address,
                phones,
                email,
                bankAccounts,
                people,
                null);
    }

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
        language = blankToNull(language);
        if (language != null && !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be one of " + LANGUAGES);
        }
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
