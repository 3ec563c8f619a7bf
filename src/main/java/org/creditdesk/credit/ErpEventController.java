package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ErpEventController {

    private final ErpEvents events;
    private final Callers callers;

    ErpEventController(ErpEvents events, Callers callers) {
        this.events = events;
        this.callers = callers;
    }

    @GetMapping("/api/v1/events")
    List<ErpEvent> events(
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "" + ErpEvents.DEFAULT_LIMIT) int limit) {
        Permissions.require(callers.current(), Permissions.EVENT_READERS, "read the ERP event feed");
        if (after < 0)
            throw ProblemException.ruleViolation("after", "after must be zero or a previous event id")
                    .withKey("problem.text.afterMustBeZeroOrAPrevious");
        if (limit < 1 || limit > ErpEvents.MAX_LIMIT) {
            throw ProblemException.ruleViolation("limit", "limit must be between 1 and " + ErpEvents.MAX_LIMIT)
                    .withKey("problem.text.limitMustBeBetween1And", ErpEvents.MAX_LIMIT);
        }
        return events.after(after, limit);
    }
}
