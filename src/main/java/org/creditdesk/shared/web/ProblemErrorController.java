package org.creditdesk.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error that reaches the container's error page (a firewall-rejected URL, an unknown path, a
 * {@code sendError} anywhere) answers {@code application/problem+json} with the status and its generic
 * title, never an exception text or SQL (issue 15 finding 7, issue 13 point 10).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address";
            case BAD_REQUEST -> "The request is malformed";
            case UNAUTHORIZED -> "Sign in as a CreditDesk user";
            case FORBIDDEN -> "You are not allowed to do this";
            case METHOD_NOT_ALLOWED -> "This address does not take this method";
            default ->
                status.is5xxServerError()
                        ? "An unexpected error occurred; it has been logged."
                        : status.getReasonPhrase();
        };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(
                        status,
                        status.getReasonPhrase(),
                        detail,
                        uri == null ? request.getRequestURI() : safe(uri.toString()),
                        List.of()));
    }

    private static String safe(String uri) {
        return uri.replaceAll("[\\p{Cntrl}]", "");
    }
}
