package org.creditdesk.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of escalation e-mails: written with the run, sent after it commits, retried when sending fails. */
@Repository
class MailOutboxRepository {

    // SKIP LOCKED: two instances sending at once take different e-mails, never the same one twice.
    private static final String PENDING = """
            SELECT id, recipient, cc, subject, body, attachment
            FROM mail_outbox
            WHERE sent_at IS NULL AND attempts < :maxAttempts
            ORDER BY id
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;

    private static final String MARK_SENT = """
            UPDATE mail_outbox SET sent_at = :sentAt, attempts = attempts + 1, last_error = NULL WHERE id = :id
            """;

    private static final String MARK_FAILED = """
            UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id
            """;

    // Mails of other modules (reminder letters): no escalation episode; one per attachment and recipient.
    private static final String QUEUE = """
            INSERT INTO mail_outbox (customer_id, recipient, cc, subject, body, attachment)
            SELECT m.customer_id, m.recipient, coalesce(string_to_array(nullif(m.cc, ''), E'\\n'), '{}'), m.subject, m.body, m.attachment
            FROM unnest(CAST(:customerIds AS bigint[]), CAST(:recipients AS text[]), CAST(:ccs AS text[]),
                        CAST(:subjects AS text[]), CAST(:bodies AS text[]), CAST(:attachments AS text[]))
                 AS m (customer_id, recipient, cc, subject, body, attachment)
            ON CONFLICT (attachment, recipient) WHERE attachment IS NOT NULL DO NOTHING
            """;

    static final int MAX_ATTEMPTS = 10;

    record Pending(
            long id,
            String recipient,
            List<String> cc,
            String subject,
            String body,
            @Nullable String attachment) {}

    private final JdbcClient jdbc;

    MailOutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Pending> lockPending(int limit) {
        return jdbc.sql(PENDING)
                .param("maxAttempts", MAX_ATTEMPTS)
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("recipient"),
                        List.of((String[]) rs.getArray("cc").getArray()),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("attachment")))
                .list();
    }

    int queue(List<OutgoingMail> mails) {
        return jdbc.sql(QUEUE)
                .param(
                        "customerIds",
                        mails.stream().map(OutgoingMail::customerId).toArray(Long[]::new))
                .param("recipients", mails.stream().map(OutgoingMail::recipient).toArray(String[]::new))
                .param("ccs", mails.stream().map(m -> String.join("\n", m.cc())).toArray(String[]::new))
                .param("subjects", mails.stream().map(OutgoingMail::subject).toArray(String[]::new))
                .param("bodies", mails.stream().map(OutgoingMail::body).toArray(String[]::new))
                .param(
                        "attachments",
                        mails.stream().map(OutgoingMail::attachment).toArray(String[]::new))
                .update();
    }

    void markSent(long id, OffsetDateTime sentAt) {
        jdbc.sql(MARK_SENT).param("id", id).param("sentAt", sentAt).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql(MARK_FAILED).param("id", id).param("error", error).update();
    }
}
