package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ScorecardController {

    private final FitScorecards fits;
    private final Callers callers;

    ScorecardController(FitScorecards fits, Callers callers) {
        this.fits = fits;
        this.callers = callers;
    }

    /** The fit's date and outcome: kind PAID_LATE, REACHES_OVERDUE or RECORDED with its days and months. */
    record FitRequest(
            @Nullable LocalDate asOf,
            @Nullable String outcome,
            @Nullable Integer days,
            @Nullable Integer months) {}

    record AdoptRequest(@Nullable String reason) {}

    @GetMapping("/scorecards")
    List<ScorecardHeader> cards() {
        return fits.cards();
    }

    @PostMapping("/scorecard-fits")
    FitReport fit(@RequestBody(required = false) @Nullable FitRequest request) {
        if (request == null) return fits.fit(null, callers.current());
        return fits.fit(request.asOf(), request.outcome(), request.days(), request.months(), callers.current());
    }

    @PostMapping("/scorecards/{id}/adopt")
    ScorecardHeader adopt(@PathVariable long id, @RequestBody(required = false) @Nullable AdoptRequest request) {
        return fits.adopt(id, request == null ? null : request.reason(), callers.current());
    }
}
