package org.creditdesk.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every refusal of an API request into {@code application/problem+json} (RFC 9457) with the
 * {@code errors} array API.md promises. Anything unexpected is logged and answered 500, which is
 * always a defect to fix. Titles and the generic details are in the request's language (the
 * {@code problem.*} texts of the message bundles); the {@code type} URI stays the same in every language.
 * It applies to every handler, not only CreditDesk's controllers, so that unknown paths (404), wrong
 * methods (405) and media types (415) answer problem+json too; no answer carries database error text
 * (issue 15 finding 7).
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final MessageSource texts;
    private final ProblemTexts details;

    ProblemHandling(MessageSource texts, ProblemTexts details) {
        this.texts = texts;
        this.details = details;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException e) {
        return problem(HttpStatus.valueOf(e.kind().status), e.kind(), details.detail(e), details.violations(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                ? firstLine(cause.getMessage())
                : text(
                        "problem.detail.invalidValue",
                        "'%s' is not a valid value".formatted(e.getValue()),
                        String.valueOf(e.getValue()));
        return translated(
                HttpStatus.BAD_REQUEST,
                ProblemException.Kind.MALFORMED,
                message,
                List.of(Violation.field(e.getName(), message)));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        log.info(
                "Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                ProblemException.Kind.CONFLICT,
                text("problem.detail.conflict", "The request conflicts with data already stored"),
                List.of());
    }

    /**
     * Two writers met (a deadlock PostgreSQL broke, a lock or serialization failure): the transaction was rolled
     * back whole, so nothing is stored and sending the same request again is safe. A conflict, not a defect.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyFailureException e) {
        log.info(
                "Rolled back by a concurrent change: {}",
                e.getMostSpecificCause().getMessage());
        return problem(
                HttpStatus.CONFLICT,
                ProblemException.Kind.CONFLICT,
                text(
                        "problem.detail.concurrentChange",
                        "Another change to the same data came in at the same moment; nothing was stored, send the"
                                + " request again"),
                List.of());
    }

    /** Spring MVC's own refusals (404, 405, 406, 415, ...) keep their status and say it as problem+json. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> internal = super.handleExceptionInternal(e, body, headers, status, request);
        if (internal == null) return null;
        return ResponseEntity.status(internal.getStatusCode())
                .headers(internal.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(internal.getBody());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandling::toViolation)
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                ProblemException.Kind.MALFORMED,
                text("problem.detail.invalidFields", "The request has invalid fields"),
                details.violations(violations));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String cause = firstLine(e.getMostSpecificCause().getMessage());
        String detail = text("problem.detail.unreadableBody", "The request body could not be read: " + cause, cause);
        String reason = jsonReason(e);
        List<Violation> violations = jsonField(e)
                .map(field -> List.of(Violation.field(field, reason)))
                .orElse(List.of());
        return problem(HttpStatus.BAD_REQUEST, ProblemException.Kind.MALFORMED, detail, details.violations(violations));
    }

    /** The JSON path of the value Jackson could not read, e.g. {@code allocations[0].amount}. */
    private static java.util.Optional<String> jsonField(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!path.isEmpty()) path.append('.');
                        path.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(path.toString());
            }
        }
        return java.util.Optional.empty();
    }

    /** Jackson's own words for what was wrong with the value (our strict readers write clear ones). */
    private static String jsonReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                    && invalid.getOriginalMessage() != null) {
                String original = firstLine(invalid.getOriginalMessage());
                int colon = original.lastIndexOf(": ");
                return colon < 0 ? original : original.substring(colon + 2);
            }
        }
        return "not a valid value for this field";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> defect(Exception e) {
        log.error("Unexpected failure", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                text("problem.title.INTERNAL", "Internal error"),
                text("problem.detail.internal", "An unexpected error occurred; it has been logged."),
                List.of());
    }

    private ResponseEntity<Object> problem(
            HttpStatus status, ProblemException.Kind kind, @Nullable String detail, List<Violation> violations) {
        return problem(status, kind.title, text("problem.title." + kind.name(), kind.title), detail, violations);
    }

    /** A refusal of the framework's (binding, conversion): its English reasons in the request's language. */
    private ResponseEntity<Object> translated(
            HttpStatus status, ProblemException.Kind kind, String detail, List<Violation> violations) {
        return problem(
                status, kind, details.text(detail, LocaleContextHolder.getLocale()), details.violations(violations));
    }

    /** The text in the request's language; the fallback (English) when the bundles lack the key. */
    private String text(String key, String fallback, Object... args) {
        String text = texts.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
        return text == null ? fallback : text;
    }

    private static Violation toViolation(FieldError error) {
        return Violation.field(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    private static String firstLine(@Nullable String text) {
        if (text == null) return "unreadable body";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** {@code typeTitle} is the English title that names the problem type; {@code title} is shown to people. */
    static ResponseEntity<Object> problem(
            HttpStatus status, String typeTitle, String title, @Nullable String detail, List<Violation> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        body.setTitle(title);
        body.setType(URI.create("https://creditdesk.org/problems/"
                + typeTitle.toLowerCase(Locale.ROOT).replace(' ', '-')));
        if (!violations.isEmpty()) {
            body.setProperty("errors", violations);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
