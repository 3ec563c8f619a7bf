package org.creditdesk.risk;

import org.creditdesk.identity.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /api/v1/settings/score-outcome}: the outcome scorecards are fitted to when a fit names none. */
@RestController
@RequestMapping("/api/v1/settings/score-outcome")
class ScoreOutcomeSettingsController {

    private final ScoreOutcomeSettings settings;
    private final Callers callers;

    ScoreOutcomeSettingsController(ScoreOutcomeSettings settings, Callers callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @GetMapping
    ScoreOutcomeSettings.Setting get() {
        callers.current();
        return settings.setting();
    }

    @PutMapping
    ScoreOutcomeSettings.Setting put(@RequestBody ScoreOutcomeSettings.Input input) {
        return settings.save(input, callers.current());
    }
}
