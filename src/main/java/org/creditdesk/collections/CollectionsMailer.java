package org.creditdesk.collections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued collections e-mails after the transaction that queued them committed, so no mail
 * announces a case that was rolled back. Without an SMTP server they stay queued.
 */
@Component
class CollectionsMailer {

    private static final Logger log = LoggerFactory.getLogger(CollectionsMailer.class);

    private final MailRepository repository;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transaction;
    private final String from;

    CollectionsMailer(
            MailRepository repository,
            ObjectProvider<JavaMailSender> mailSender,
            PlatformTransactionManager transactions,
            @Value("${creditdesk.monitoring.mail-from:creditdesk@localhost}") String from) {
        this.repository = repository;
        this.mailSender = mailSender;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.from = from;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CollectionsMailQueued queued) {
        sendPending();
    }

    void sendPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) return;
        transaction.executeWithoutResult(status -> {
            for (MailRepository.Pending mail : repository.lockPending()) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.recipient());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                try {
                    sender.send(message);
                    repository.sent(mail.id());
                } catch (MailException e) {
                    log.warn("Collections e-mail {} not sent: {}", mail.id(), e.getMessage());
                    repository.failed(mail.id(), String.valueOf(e.getMessage()));
                    return;
                }
            }
        });
    }
}
