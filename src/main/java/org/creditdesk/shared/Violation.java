package org.creditdesk.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** One reason an input was refused: the field or the file line it concerns, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(@Nullable String field, @Nullable Long line, String message) {

    public static Violation field(String field, String message) {
        return new Violation(field, null, message);
    }

    public static Violation line(long line, String message) {
        return new Violation(null, line, message);
    }

    public static Violation line(long line, String field, String message) {
        return new Violation(field, line, message);
    }
}
