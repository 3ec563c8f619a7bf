package org.creditdesk.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the server starts the daily run by itself ({@code creditdesk.daily-run.*}).
 *
 * @param cron a Spring cron expression read in the company's time zone; {@code -} switches the schedule off
 * @param maxDaysAhead how many days after today a run may be dated without an ADMIN forcing it
 */
@ConfigurationProperties("creditdesk.daily-run")
record DailyRunSettings(
        @DefaultValue("0 30 1 * * *") String cron,
        @DefaultValue("7") int maxDaysAhead) {

    boolean scheduled() {
        return !cron.isBlank() && !cron.strip().equals("-");
    }
}
