package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.TextLimits;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Collects every malformed field of one request so the caller hears about all of them at once
 * (400 with one violation per field); the accessors return harmless placeholders for bad values
 * because {@link #rejectIfAny()} throws before any of them is used.
 */
final class Inputs {

    // Compiled once: String.matches compiles its pattern on every call (an order validates a currency each time).
    private static final java.util.regex.Pattern CURRENCY_CODE = java.util.regex.Pattern.compile("[A-Z]{3}");

    private static final int MAX_DECIMALS_WITHOUT_CURRENCY = 2;
    private static final LocalDate PLACEHOLDER_DATE = LocalDate.EPOCH;

    private final List<Violation> violations = new ArrayList<>();

    String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.field(field, "is required"));
            return "";
        }
        TextLimits.checkText(field, value, TextLimits.LONG_MAX, violations);
        return value.strip();
    }

    /** A new natural key (document number): the alphabet and length of {@link TextLimits}. */
    String key(String field, @Nullable String value) {
        String text = value == null ? "" : value.strip();
        TextLimits.checkKey(field, text, violations);
        return text;
    }

    @Nullable
    String optionalText(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional text that must still fit its limit. */
    @Nullable
    String optionalText(String field, @Nullable String value, int max) {
        TextLimits.checkText(field, value, max, violations);
        return optionalText(value);
    }

    LocalDate date(String field, @Nullable LocalDate value) {
        if (value == null) {
            violations.add(Violation.field(field, "is required"));
            return PLACEHOLDER_DATE;
        }
        return value;
    }

    /** An ISO 4217 code, or null when the request leaves it to the default. */
    @Nullable
    Currency currency(String field, @Nullable String code) {
        if (code == null || code.isBlank()) return null;
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (CURRENCY_CODE.matcher(upper).matches()) {
            try {
                return Currency.getInstance(upper);
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        violations.add(Violation.field(field, "'%s' is not an ISO 4217 currency code".formatted(code)));
        return null;
    }

    /**
     * A positive amount with no more decimals than its currency allows (2 until the currency is
     * known); the caller turns it into {@link Money} once the default currency is known.
     */
    BigDecimal amount(String field, @Nullable BigDecimal value, @Nullable Currency currency) {
        if (value == null) {
            violations.add(Violation.field(field, "is required"));
            return BigDecimal.ONE;
        }
        if (value.signum() <= 0) {
            violations.add(Violation.field(field, "must be greater than 0"));
            return BigDecimal.ONE;
        }
        int decimals =
                currency == null ? MAX_DECIMALS_WITHOUT_CURRENCY : Math.max(currency.getDefaultFractionDigits(), 0);
        if (value.stripTrailingZeros().scale() > decimals) {
            violations.add(Violation.field(field, "has more than %d decimals".formatted(decimals)));
            return BigDecimal.ONE;
        }
        if (value.precision() - value.scale() > 17) {
            violations.add(Violation.field(field, "is too large"));
            return BigDecimal.ONE;
        }
        return value;
    }

    <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.field(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(Enum::name)
                    .toList();
            violations.add(Violation.field(field, "'%s' is not one of %s".formatted(value, allowed)));
            return null;
        }
    }

    void add(String field, String message) {
        violations.add(Violation.field(field, message));
    }

    void rejectIfAny() {
        if (!violations.isEmpty()) {
            throw ProblemException.malformed("The request has invalid fields", violations)
                    .withKey("problem.text.theRequestHasInvalidFields");
        }
    }

    /** The amount in the currency once the default is settled; decimals were checked already. */
    static Money money(String field, BigDecimal amount, Currency currency) {
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException tooManyDecimals) {
            throw ProblemException.malformed(
                            "The request has invalid fields",
                            List.of(Violation.field(
                                    field,
                                    "has more than %d decimals for %s"
                                            .formatted(currency.getDefaultFractionDigits(), currency))))
                    .withKey("problem.text.theRequestHasInvalidFields");
        }
    }
}
