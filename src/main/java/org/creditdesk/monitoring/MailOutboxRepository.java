package org.creditdesk.monitoring;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of escalation e-mails: written with the run, sent after it commits, retried when sending fails. */
@Repository
class MailOutboxRepository {

    // SKIP LOCKED: two instances sending at once take different e-mails, never the same one twice.
    private static final String PENDING = """
            SELECT id, recipient, subject, body
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

    static final int MAX_ATTEMPTS = 10;

    record Pending(long id, String recipient, String subject, String body) {}

    private final JdbcClient jdbc;

    MailOutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Pending> lockPending(int limit) {
        return jdbc.sql(PENDING)
                .param("maxAttempts", MAX_ATTEMPTS)
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
                .list();
    }

    void markSent(long id, OffsetDateTime sentAt) {
        jdbc.sql(MARK_SENT).param("id", id).param("sentAt", sentAt).update();
    }

    void markFailed(long id, String error) {
        jdbc.sql(MARK_FAILED).param("id", id).param("error", error).update();
    }
}
