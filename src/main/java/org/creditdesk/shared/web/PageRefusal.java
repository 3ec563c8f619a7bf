package org.creditdesk.shared.web;

import java.util.List;
import org.creditdesk.shared.ProblemException;

/**
 * A refused action as a page shows it (pages answer HTML, not problem+json): the message and each
 * field's or line's reason.
 */
public record PageRefusal(String message, List<String> details) {

    public static PageRefusal of(ProblemException e) {
        return new PageRefusal(
                String.valueOf(e.getMessage()),
                e.violations().stream()
                        .map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message())
                        .toList());
    }
}
