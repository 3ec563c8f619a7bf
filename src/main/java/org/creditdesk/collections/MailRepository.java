package org.creditdesk.collections;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MailRepository {

    record Pending(long id, String recipient, String subject, String body) {}

    private static final String PENDING = """
            SELECT id, recipient, subject, body FROM collections_mail
            WHERE sent_at IS NULL AND attempts < 10
            ORDER BY id LIMIT 100
            FOR UPDATE SKIP LOCKED
            """;
    private static final String SENT =
            "UPDATE collections_mail SET sent_at = now(), attempts = attempts + 1 WHERE id = :id";
    private static final String FAILED = """
            UPDATE collections_mail SET attempts = attempts + 1, last_error = :error WHERE id = :id
            """;

    private final JdbcClient jdbc;

    MailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Pending> lockPending() {
        return jdbc.sql(PENDING)
                .query((rs, n) -> new Pending(
                        rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
                .list();
    }

    void sent(long id) {
        jdbc.sql(SENT).param("id", id).update();
    }

    void failed(long id, String error) {
        jdbc.sql(FAILED).param("id", id).param("error", error).update();
    }
}
