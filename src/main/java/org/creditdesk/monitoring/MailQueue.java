package org.creditdesk.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The outbox's public face for other modules: queue in the caller's transaction, send after its commit. */
@Component
public class MailQueue {

    /** The transaction's marker that its sending after the commit is registered. */
    private static final Object SEND_AFTER_COMMIT = new Object();

    private final MailOutboxRepository repository;
    private final MailOutbox outbox;

    MailQueue(MailOutboxRepository repository, MailOutbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    /**
     * Queues the mails (one statement); returns how many were new. Sending follows the commit, once however many
     * times a transaction queues (a letter run queues its e-mails a slice at a time).
     */
    @Transactional
    public int queue(List<OutgoingMail> mails) {
        if (mails.isEmpty()) return 0;
        int queued = repository.queue(mails);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(SEND_AFTER_COMMIT)) {
            TransactionSynchronizationManager.bindResource(SEND_AFTER_COMMIT, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    outbox.sendPending();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SEND_AFTER_COMMIT);
                }
            });
        }
        return queued;
    }
}
