package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/** Reads the fields of a request as written, collecting every bad one before refusing with 400. */
final class Fields {

    private final List<Violation> violations = new ArrayList<>();

    <E extends Enum<E>> @Nullable E required(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.field(field, "is required"));
            return null;
        }
        return optional(field, value, type);
    }

    <E extends Enum<E>> @Nullable E optional(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) return null;
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    field,
                    "unknown value %s; one of %s"
                            .formatted(
                                    value,
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", ")))));
            return null;
        }
    }

    @Nullable
    String text(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.field(field, "is required"));
            return null;
        }
        return optionalText(field, value, max);
    }

    @Nullable
    String optionalText(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) return null;
        String stripped = value.strip();
        if (stripped.length() > max) {
            violations.add(Violation.field(field, "must be at most %d characters".formatted(max)));
            return null;
        }
        return stripped;
    }

    @Nullable
    LocalDate date(String field, @Nullable LocalDate value) {
        if (value == null) violations.add(Violation.field(field, "is required"));
        return value;
    }

    /** A positive amount with at most two decimals. */
    @Nullable
    BigDecimal amount(String field, @Nullable BigDecimal value) {
        if (value == null) {
            violations.add(Violation.field(field, "is required"));
            return null;
        }
        if (value.signum() <= 0) {
            violations.add(Violation.field(field, "must be greater than 0"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            violations.add(Violation.field(field, "must have at most 2 decimals"));
            return null;
        }
        return value;
    }

    void add(String field, String message) {
        violations.add(Violation.field(field, message));
    }

    void rejectIfAny() {
        if (!violations.isEmpty()) {
            throw ProblemException.malformed("Invalid request", violations).withKey("problem.text.invalidRequest");
        }
    }
}
