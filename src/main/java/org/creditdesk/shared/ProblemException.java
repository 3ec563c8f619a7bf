package org.creditdesk.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request the application refuses, mapped to an RFC 9457 problem: the kind fixes the HTTP status
 * (API.md Conventions), the violations say which field or line and why.
 *
 * <p>The detail is written in English, the API's default language. {@link #withKey} names the same text
 * in the message bundles ({@code problem.*}, with its arguments) so that a caller whose language is
 * another (user preference, else Accept-Language) reads it in that language; see
 * {@code shared.web.ProblemTexts}.
 */
public class ProblemException extends RuntimeException {

    public enum Kind {
        MALFORMED(400, "Malformed request"),
        FORBIDDEN(403, "Not allowed"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflicts with existing data"),
        RULE_VIOLATION(422, "Rule violation");

        public final int status;
        public final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<Violation> violations;
    private @Nullable String key;
    private Object[] args = {};

    public ProblemException(Kind kind, String detail, List<Violation> violations) {
        super(detail);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException malformed(String detail, List<Violation> violations) {
        return new ProblemException(Kind.MALFORMED, detail, violations);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Kind.FORBIDDEN, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Kind.NOT_FOUND, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Kind.CONFLICT, detail, List.of());
    }

    public static ProblemException ruleViolation(String detail, List<Violation> violations) {
        return new ProblemException(Kind.RULE_VIOLATION, detail, violations);
    }

    public static ProblemException ruleViolation(String field, String message) {
        return new ProblemException(Kind.RULE_VIOLATION, message, List.of(Violation.field(field, message)));
    }

    /**
     * The bundle key of this detail and its arguments (shown as text, never number-formatted), for callers
     * in another language than English. The English detail given at construction stays the default.
     */
    public ProblemException withKey(String key, Object... args) {
        this.key = key;
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toArray();
        return this;
    }

    public @Nullable String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
