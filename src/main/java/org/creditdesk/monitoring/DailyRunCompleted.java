package org.creditdesk.monitoring;

import java.time.LocalDate;

/**
 * Published inside the daily run's transaction when a business date has been run: later steps of
 * the day (rescoring the portfolio, risk alerts) follow it after the commit, retried if they fail.
 */
public record DailyRunCompleted(long runId, LocalDate asOf) {

    /**
     * A run of the current business day (today's, or yesterday's run at night), not a catch-up of an older date
     * or the demo's replayed history: what the day's stored figures (appraisal KPIs, plan actuals) follow.
     */
    public boolean ofTheCurrentDay(LocalDate today) {
        return !asOf.isBefore(today.minusDays(1));
    }
}
