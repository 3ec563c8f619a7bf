package org.creditdesk.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox's public face for other modules: queue in the caller's transaction, send after its commit. */
@Component
public class MailQueue {

    private final MailOutboxRepository repository;
    private final MailOutbox outbox;

    MailQueue(MailOutboxRepository repository, MailOutbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /** Queues the mails (one statement); returns how many were new. Sending follows the commit. */
    @Transactional
    public int queue(List<OutgoingMail> mails) {
        if (mails.isEmpty()) return 0;
        int queued = repository.queue(mails);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.sendPending();
                }
            });
        }
        return queued;
    }
}
