package org.creditdesk.risk;

import java.time.LocalDate;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ScoreController {

    private final Scores scores;
    private final Callers callers;

    ScoreController(Scores scores, Callers callers) {
        this.scores = scores;
        this.callers = callers;
    }

    record RunRequest(@Nullable LocalDate asOf) {}

    @GetMapping("/customers/{code}/score")
    Score score(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return scores.score(code, asOf, callers.current());
    }

    @PostMapping("/scoring-runs")
    ScoreRun run(@RequestBody(required = false) @Nullable RunRequest request) {
        return scores.run(request == null ? null : request.asOf(), callers.current());
    }
}
