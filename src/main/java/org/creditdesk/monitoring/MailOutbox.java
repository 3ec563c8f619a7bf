package org.creditdesk.monitoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the escalation run queued. It runs after the run's transaction committed, so an e-mail
 * never announces an escalation that was rolled back; a failed send stays queued with its error and
 * is tried again by the next pass.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final MailOutboxRepository repository;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final MonitoringSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailOutbox(
            MailOutboxRepository repository,
            ObjectProvider<JavaMailSender> mailSender,
            MonitoringSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Sends queued e-mails batch by batch; returns how many went out. Without an SMTP server none do. */
    int sendPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.debug("No SMTP server configured (spring.mail.host); escalation e-mails stay queued");
            return 0;
        }
        int sent = 0;
        while (true) {
            Batch batch = transaction.execute(status -> sendBatch(sender));
            if (batch == null) return sent;
            sent += batch.sent();
            // A failure usually means the server is unreachable: leave the rest for the next pass.
            if (batch.failed() > 0 || batch.sent() == 0) return sent;
        }
    }

    private record Batch(int sent, int failed) {}

    private Batch sendBatch(JavaMailSender sender) {
        List<MailOutboxRepository.Pending> pending = repository.lockPending(settings.mailBatch());
        int sent = 0;
        int failed = 0;
        for (MailOutboxRepository.Pending mail : pending) {
            if (failed > 0) break;
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.mailFrom());
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            try {
                sender.send(message);
                repository.markSent(mail.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                sent++;
            } catch (MailException e) {
                log.warn("Escalation e-mail {} to {} not sent: {}", mail.id(), mail.recipient(), e.getMessage());
                repository.markFailed(mail.id(), String.valueOf(e.getMessage()));
                failed++;
            }
        }
        return new Batch(sent, failed);
    }
}
