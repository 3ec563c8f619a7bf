package org.creditdesk.customers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.StrictDates;
import org.creditdesk.shared.TextLimits;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A customer record as it arrives (JSON body or CSV row): every field as written, so that a bad
 * date, currency or enum value is reported against its field instead of failing the whole body.
 * {@link #toData} turns it into {@link CustomerData} or refuses it with every violation at once.
 */
public record CustomerInput(
        @Nullable String name,
        @Nullable String registrationNo,
        @Nullable String establishedOn,
        @Nullable String area,
        @Nullable String businessGroup,
        @Nullable String salesRep,
        @Nullable Integer paymentTermDays,
        @Nullable String currency,
        @Nullable String address,
        @Nullable List<@Nullable String> phones,
        @Nullable String email,
        @Nullable List<@Nullable String> bankAccounts,
        @Nullable List<@Nullable PersonInput> people,
        @Nullable String language) {

    /** Without a letter language (the company's applies). */
    public CustomerInput(
            @Nullable String name,
            @Nullable String registrationNo,
            @Nullable String establishedOn,
            @Nullable String area,
            @Nullable String businessGroup,
            @Nullable String salesRep,
            @Nullable Integer paymentTermDays,
            @Nullable String currency,
            @Nullable String address,
            @Nullable List<@Nullable String> phones,
            @Nullable String email,
            @Nullable List<@Nullable String> bankAccounts,
            @Nullable List<@Nullable PersonInput> people) {
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

    public record PersonInput(
            @Nullable String name,
            @Nullable String idNo,
            @Nullable String role) {}

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The validated master data; an omitted currency means the company's base currency. */
    public CustomerData toData(Currency defaultCurrency) {
        List<Violation> violations = new ArrayList<>();
        if (isBlank(name)) violations.add(Violation.field("name", "is required"));
        if (isBlank(area)) violations.add(Violation.field("area", "is required"));
        LocalDate established = parseDate(establishedOn, violations);
        BusinessGroup group = parseBusinessGroup(violations);
        if (paymentTermDays == null) {
            violations.add(Violation.field("paymentTermDays", "is required"));
        } else if (paymentTermDays < 0 || paymentTermDays > CustomerData.MAX_PAYMENT_TERM_DAYS) {
            violations.add(
                    Violation.field("paymentTermDays", "must be between 0 and " + CustomerData.MAX_PAYMENT_TERM_DAYS));
        }
        Currency chosenCurrency = parseCurrency(defaultCurrency, violations);
        if (!isBlank(email) && !EMAIL.matcher(email.strip()).matches()) {
            violations.add(Violation.field("email", "'%s' is not an e-mail address".formatted(email)));
        }
        List<String> phoneList = texts("phones", phones, violations);
        List<String> accountList = texts("bankAccounts", bankAccounts, violations);
        List<CustomerPerson> persons = persons(violations);
        lengths(violations);
        String chosenLanguage = parseLanguage(violations);
        if (!violations.isEmpty() || group == null || paymentTermDays == null || chosenCurrency == null) {
            throw ProblemException.malformed("The customer has invalid fields", violations)
                    .withKey("problem.text.theCustomerHasInvalidFields");
        }
        return new CustomerData(
                name,
                registrationNo,
                established,
                area,
                group,
                salesRep,
                paymentTermDays,
                chosenCurrency,
                address,
                phoneList,
                email,
                accountList,
                persons,
                chosenLanguage);
    }

    /** en or zh-CN (any case, {@code _} for {@code -}); blank: the company's language. */
    private @Nullable String parseLanguage(List<Violation> violations) {
        if (isBlank(language)) return null;
        String normalised = language.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        for (String known : CustomerData.LANGUAGES) {
            if (known.toLowerCase(Locale.ROOT).equals(normalised)) return known;
        }
        violations.add(Violation.field("language", "'%s' is not a letter language (en, zh-CN)".formatted(language)));
        return null;
    }

    private static @Nullable LocalDate parseDate(@Nullable String text, List<Violation> violations) {
        if (isBlank(text)) return null;
        return switch (StrictDates.read(text.strip())) {
            case StrictDates.Valid valid -> valid.date();
            case StrictDates.Invalid invalid -> {
                violations.add(Violation.field("establishedOn", invalid.reason()));
                yield null;
            }
        };
    }

    /** Every text within its limit (issue 15 finding 3), so nothing over-long reaches an index. */
    private void lengths(List<Violation> violations) {
        TextLimits.checkText("name", name, TextLimits.NAME_MAX, violations);
        TextLimits.checkText("registrationNo", registrationNo, TextLimits.SHORT_MAX, violations);
        if (!isBlank(area)) TextLimits.checkKey("area", area.strip(), violations);
        TextLimits.checkText("salesRep", salesRep, TextLimits.SHORT_MAX, violations);
        TextLimits.checkText("address", address, TextLimits.LONG_MAX, violations);
        TextLimits.checkText("email", email, TextLimits.NAME_MAX, violations);
        for (int i = 0; phones != null && i < phones.size(); i++) {
            TextLimits.checkText("phones[%d]".formatted(i), phones.get(i), TextLimits.SHORT_MAX, violations);
        }
        for (int i = 0; bankAccounts != null && i < bankAccounts.size(); i++) {
            TextLimits.checkText(
                    "bankAccounts[%d]".formatted(i), bankAccounts.get(i), TextLimits.SHORT_MAX, violations);
        }
        for (int i = 0; people != null && i < people.size(); i++) {
            PersonInput person = people.get(i);
            if (person == null) continue;
            TextLimits.checkText("people[%d].name".formatted(i), person.name(), TextLimits.NAME_MAX, violations);
            TextLimits.checkText("people[%d].idNo".formatted(i), person.idNo(), TextLimits.SHORT_MAX, violations);
        }
    }

    private @Nullable BusinessGroup parseBusinessGroup(List<Violation> violations) {
        if (isBlank(businessGroup)) {
            violations.add(Violation.field("businessGroup", "is required (VOLUME or VALUE_ADDED)"));
            return null;
        }
        try {
            return BusinessGroup.valueOf(businessGroup.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(
                    Violation.field("businessGroup", "'%s' is not VOLUME or VALUE_ADDED".formatted(businessGroup)));
            return null;
        }
    }

    private @Nullable Currency parseCurrency(Currency defaultCurrency, List<Violation> violations) {
        if (isBlank(currency)) return defaultCurrency;
        String code = currency.strip();
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                Currency found = Currency.getInstance(code);
                // Codes like XXX or XAU name no money one can invoice in.
                if (found.getDefaultFractionDigits() >= 0) return found;
            } catch (IllegalArgumentException e) {
                // falls through to the violation below
            }
        }
        violations.add(Violation.field("currency", "'%s' is not an ISO 4217 currency code".formatted(currency)));
        return null;
    }

    private static List<String> texts(
            String field, @Nullable List<@Nullable String> values, List<Violation> violations) {
        if (values == null) return List.of();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (isBlank(value)) {
                violations.add(Violation.field("%s[%d]".formatted(field, i), "must not be blank"));
            } else {
                result.add(value.strip());
            }
        }
        return result;
    }

    private List<CustomerPerson> persons(List<Violation> violations) {
        if (people == null) return List.of();
        List<CustomerPerson> result = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            PersonInput person = people.get(i);
            String prefix = "people[%d]".formatted(i);
            if (person == null) {
                violations.add(Violation.field(prefix, "must not be empty"));
                continue;
            }
            boolean valid = true;
            if (isBlank(person.name())) {
                violations.add(Violation.field(prefix + ".name", "is required"));
                valid = false;
            }
            PersonRole role = null;
            if (isBlank(person.role())) {
                violations.add(Violation.field(prefix + ".role", "is required"));
            } else {
                try {
                    role = PersonRole.valueOf(person.role().strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.field(
                            prefix + ".role",
                            "'%s' is not LEGAL_REPRESENTATIVE, DIRECTOR, SHAREHOLDER or GENERAL_MANAGER"
                                    .formatted(person.role())));
                }
            }
            if (valid && role != null) result.add(new CustomerPerson(person.name(), person.idNo(), role));
        }
        return result;
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
