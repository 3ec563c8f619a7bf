package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.Map;

/** What a scoring run did: customers scored per class, classes changed in credit, alerts raised. */
public record ScoreRun(
        LocalDate asOf,
        int customersScored,
        Map<String, Long> byClass,
        int classesChanged,
        int alertsRaised,
        long millis) {

    public ScoreRun {
        byClass = Map.copyOf(byClass);
    }
}
