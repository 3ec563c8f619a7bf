package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md Monitoring: the daily run and its history; legal cases. */
@RestController
@RequestMapping("/api/v1")
class DailyRunController {

    private final DailyRun dailyRun;
    private final LegalCases legalCases;
    private final Callers callers;

    DailyRunController(DailyRun dailyRun, LegalCases legalCases, Callers callers) {
        this.dailyRun = dailyRun;
        this.legalCases = legalCases;
        this.callers = callers;
    }

    /** {@code force}/{@code reset} with a {@code reason}: ADMIN only, audited (see {@link DailyRunRequest}). */
    record RunRequest(
            @Nullable LocalDate asOf,
            @Nullable Boolean force,
            @Nullable Boolean reset,
            @Nullable String reason) {}

    @PostMapping("/daily-runs")
    DailyRunResult run(@RequestBody(required = false) @Nullable RunRequest body) {
        DailyRunRequest request = body == null
                ? DailyRunRequest.of(null)
                : new DailyRunRequest(
                        body.asOf(),
                        Boolean.TRUE.equals(body.force()),
                        Boolean.TRUE.equals(body.reset()),
                        body.reason());
        return dailyRun.run(request, callers.current());
    }

    @GetMapping("/daily-runs")
    List<DailyRunRecord> history() {
        return dailyRun.history();
    }

    @GetMapping("/legal-cases")
    List<LegalCase> legalCases(@RequestParam(required = false) @Nullable String status) {
        return legalCases.list(status, callers.current());
    }

    @GetMapping("/legal-cases/{id}")
    LegalCase legalCase(@PathVariable long id) {
        return legalCases.get(id, callers.current());
    }

    @PostMapping("/legal-cases/{id}/status")
    LegalCase changeStatus(@PathVariable long id, @RequestBody LegalCaseChange change) {
        return legalCases.changeStatus(id, change, callers.current());
    }

    @PatchMapping("/legal-cases/{id}/status")
    LegalCase patchStatus(@PathVariable long id, @RequestBody LegalCaseChange change) {
        return legalCases.changeStatus(id, change, callers.current());
    }
}
