package org.creditdesk.monitoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An e-mail another module queues in the outbox with its own transaction, sent after the commit.
 *
 * @param attachment a reference a {@link MailAttachments} resolves when the mail is sent (e.g.
 *     {@code reminder-letter:42}); the same attachment to the same recipient is queued once
 */
public record OutgoingMail(
        long customerId,
        String recipient,
        List<String> cc,
        String subject,
        String body,
        @Nullable String attachment) {}
