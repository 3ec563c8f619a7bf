package org.creditdesk.shared;

import java.util.List;

/**
 * A request the application refuses, mapped to an RFC 9457 problem: the kind fixes the HTTP status
 * (API.md Conventions), the violations say which field or line and why.
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

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
