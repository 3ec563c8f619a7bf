package org.creditdesk.shared.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditdesk.shared.Violation;
import org.springframework.http.HttpStatus;

/**
 * The problem+json shape of {@link ProblemHandling} for code that answers outside Spring MVC, such
 * as the security filters refusing a request before any controller runs.
 */
public final class Problems {

    private Problems() {}

    public static URI type(String title) {
        return URI.create("https://creditdesk.org/problems/"
                + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
    }

    /** The members of the problem document, in the order {@code ProblemDetail} writes them. */
    public static Map<String, Object> body(
            HttpStatus status, String title, String detail, String instance, List<Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(title).toString());
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", instance);
        if (!violations.isEmpty()) {
            body.put("errors", violations);
        }
        return body;
    }
}
