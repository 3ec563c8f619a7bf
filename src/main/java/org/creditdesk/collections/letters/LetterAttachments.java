package org.creditdesk.collections.letters;

import java.util.Optional;
import org.creditdesk.monitoring.MailAttachments;
import org.springframework.stereotype.Component;

/** Renders a reminder letter's PDF when the outbox sends its e-mail. */
@Component
class LetterAttachments implements MailAttachments {

    private static final String PREFIX = "reminder-letter:";

    private final ReminderLetters letters;

    LetterAttachments(ReminderLetters letters) {
        this.letters = letters;
    }

    static String reference(long letterId) {
        return PREFIX + letterId;
    }

    @Override
    public Optional<Attachment> find(String reference) {
        if (!reference.startsWith(PREFIX)) return Optional.empty();
        long id = Long.parseLong(reference.substring(PREFIX.length()));
        return Optional.of(new Attachment("letter-" + id + ".pdf", "application/pdf", letters.pdfForMail(id)));
    }
}
