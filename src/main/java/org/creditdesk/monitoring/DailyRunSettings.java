package org.creditdesk.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the server starts the daily run by itself ({@code creditdesk.daily-run.*}).
 *
 * @param cron a Spring cron expression read in the company's time zone; {@code -} switches the schedule off
 */
@ConfigurationProperties("creditdesk.daily-run")
record DailyRunSettings(@DefaultValue("0 30 1 * * *") String cron) {

    boolean scheduled() {
        return !cron.isBlank() && !cron.strip().equals("-");
    }
}
