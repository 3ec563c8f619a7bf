package org.creditdesk.monitoring;

import java.time.LocalDate;

/**
 * Published inside the daily run's transaction when a business date has been run: later steps of
 * the day (rescoring the portfolio, risk alerts) follow it after the commit, retried if they fail.
 */
public record DailyRunCompleted(long runId, LocalDate asOf) {}
