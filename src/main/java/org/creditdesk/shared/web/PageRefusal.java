package org.creditdesk.shared.web;

import java.util.List;
import org.creditdesk.shared.ProblemException;

/**
 * A refused action as a page shows it (pages answer HTML, not problem+json): the message and each
 * field's or line's reason.
 */
public record PageRefusal(String message, List<String> details) {

    /** The refusal in the request's language ({@link ProblemTexts}); English when none is set up. */
    public static PageRefusal of(ProblemException e) {
        ProblemTexts texts = ProblemTexts.current();
        return new PageRefusal(
                texts == null ? String.valueOf(e.getMessage()) : texts.detail(e),
                (texts == null ? e.violations() : texts.violations(e))
                        .stream()
                                .map(v -> v.field() == null ? v.message() : v.field() + ": " + v.message())
                                .toList());
    }
}
