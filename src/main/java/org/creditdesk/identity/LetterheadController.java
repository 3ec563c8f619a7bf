package org.creditdesk.identity;

import org.creditdesk.shared.Letterhead;
import org.creditdesk.shared.Letterheads;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|PUT /api/v1/settings/letterhead}: the address, contact lines and logo (a PNG or JPEG
 * data URI) the letters print under the company name; ADMIN and GENERAL_MANAGER change it, with a reason.
 */
@RestController
@RequestMapping("/api/v1/settings/letterhead")
class LetterheadController {

    record LetterheadRequest(
            @Nullable String address,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String logo,
            @Nullable String reason) {}

    private final Letterheads letterheads;
    private final Callers callers;

    LetterheadController(Letterheads letterheads, Callers callers) {
        this.letterheads = letterheads;
        this.callers = callers;
    }

    @GetMapping
    Letterhead get() {
        return letterheads.current();
    }

    @PutMapping
    Letterhead update(@RequestBody LetterheadRequest request) {
        Caller caller = callers.current();
        if (!caller.has(Role.ADMIN) && !caller.has(Role.GENERAL_MANAGER)) {
            throw ProblemException.forbidden("Only ADMIN and GENERAL_MANAGER change the letterhead")
                    .withKey("problem.text.onlyADMINAndGENERALMANAGERChangeThe");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.ruleViolation("reason", "a change of the letterhead needs a reason")
                    .withKey("problem.text.aChangeOfTheLetterheadNeedsA");
        }
        return letterheads.change(
                blankToNull(request.address()),
                blankToNull(request.phone()),
                blankToNull(request.email()),
                blankToNull(request.logo()),
                caller.username(),
                request.reason().strip());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
