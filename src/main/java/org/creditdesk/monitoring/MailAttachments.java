package org.creditdesk.monitoring;

import java.util.Optional;

/**
 * Renders a queued e-mail's attachment when it is sent, so queueing stays cheap (a module that queues
 * mails with attachments provides one; the reference names the module's kind of document).
 */
public interface MailAttachments {

    /** The file for a reference this source knows, else empty. */
    Optional<Attachment> find(String reference);

    record Attachment(String filename, String contentType, byte[] content) {}
}
