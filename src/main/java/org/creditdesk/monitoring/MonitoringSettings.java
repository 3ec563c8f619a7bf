package org.creditdesk.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Monitoring's settings ({@code creditdesk.monitoring.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}. Without {@code spring.mail.host} e-mails stay queued in the outbox.
 *
 * @param mailFrom the sender of escalation e-mails
 * @param mailBatch how many queued e-mails one sending pass takes
 */
@ConfigurationProperties("creditdesk.monitoring")
record MonitoringSettings(
        @DefaultValue("creditdesk@localhost") String mailFrom,
        @DefaultValue("200") int mailBatch) {}
