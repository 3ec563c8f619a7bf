package org.creditdesk.monitoring;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
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
    private final ObjectProvider<MailAttachments> attachments;
    private final MonitoringSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailOutbox(
            MailOutboxRepository repository,
            ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<MailAttachments> attachments,
            MonitoringSettings settings,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.attachments = attachments;
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
            try {
                if (mail.cc().isEmpty() && mail.attachment() == null) {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(settings.mailFrom());
                    message.setTo(mail.recipient());
                    message.setSubject(mail.subject());
                    message.setText(mail.body());
                    sender.send(message);
                } else {
                    sender.send(mime(sender, mail));
                }
                repository.markSent(mail.id(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                sent++;
            } catch (MailException | MessagingException e) {
                log.warn("Escalation e-mail {} to {} not sent: {}", mail.id(), mail.recipient(), e.getMessage());
                repository.markFailed(mail.id(), String.valueOf(e.getMessage()));
                failed++;
            }
        }
        return new Batch(sent, failed);
    }

    /** With copies and an attachment (reminder letters): the attachment is rendered now, by its owner. */
    private MimeMessage mime(JavaMailSender sender, MailOutboxRepository.Pending mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.attachment() != null, "UTF-8");
        helper.setFrom(settings.mailFrom());
        helper.setTo(mail.recipient());
        if (!mail.cc().isEmpty()) helper.setCc(mail.cc().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body());
        String reference = mail.attachment();
        if (reference != null) {
            MailAttachments.Attachment file = attachments
                    .orderedStream()
                    .flatMap(source -> source.find(reference).stream())
                    .findFirst()
                    .orElseThrow(() -> new MessagingException("no attachment " + reference));
            helper.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
        }
        return message;
    }
}
