package org.creditdesk.collections;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DisputeRepository {

    record StoredDispute(long customerId, long invoiceId, Dispute dispute) {}

    /** A SERVICE user who may take a case, with the e-mail address to tell. */
    record ServiceUser(String username, @Nullable String email) {}

    private static final String SELECT = """
            SELECT d.id, d.customer_id, d.invoice_id, c.code, c.name, i.invoice_no, i.currency, d.reason, d.amount,
                   d.raised_on, d.note, d.status, d.outcome, d.credit_note_amount, d.resolved_on,
                   s.id AS case_id, s.assigned_to, s.opened_on, s.due_on, s.status AS case_status
            FROM invoice_dispute d
            JOIN customer c ON c.id = d.customer_id
            JOIN collections_invoice i ON i.id = d.invoice_id
            LEFT JOIN service_case s ON s.dispute_id = d.id
            """;
    private static final String INSERT = """
            INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, note, status, created_by)
            VALUES (:customerId, :invoiceId, :reason, :amount, :raisedOn, :note, :status, :by)
            RETURNING id
            """;
    private static final String DISPUTED_OPEN = """
            SELECT coalesce(sum(amount), 0) FROM invoice_dispute WHERE invoice_id = :invoiceId AND status <> 'RESOLVED'
            """;
    // Fewest open cases first, then the name, so the choice is deterministic.
    private static final String SERVICE_USER = """
            SELECT u.username, u.email
            FROM app_user u
            JOIN user_role r ON r.user_id = u.id AND r.role = 'SERVICE'
            WHERE u.enabled
            ORDER BY (SELECT count(*) FROM service_case s WHERE s.assigned_to = u.username AND s.status = 'OPEN'),
                     u.username
            LIMIT 1
            """;
    private static final String INSERT_CASE = """
            INSERT INTO service_case (dispute_id, customer_id, assigned_to, opened_on, due_on)
            VALUES (:disputeId, :customerId, :assignedTo, :openedOn, :dueOn)
            """;
    private static final String QUEUE_MAIL = """
            INSERT INTO collections_mail (customer_id, recipient, subject, body, dedup_key)
            VALUES (:customerId, :recipient, :subject, :body, :key)
            ON CONFLICT (dedup_key, recipient) DO NOTHING
            """;
    private static final String LOCK = "SELECT id FROM invoice_dispute WHERE id = :id FOR UPDATE";
    private static final String RESOLVE = """
            UPDATE invoice_dispute
            SET status = 'RESOLVED', outcome = :outcome, credit_note_amount = :creditNoteAmount,
                resolved_on = :on, resolution_note = :note
            WHERE id = :id AND status <> 'RESOLVED'
            """;
    private static final String CLOSE_CASE = """
            UPDATE service_case SET status = 'CLOSED', closed_on = :on WHERE dispute_id = :id AND status = 'OPEN'
            """;
    private static final String LIST = SELECT + """
            WHERE (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(:areas))
              AND (CAST(:status AS text) IS NULL OR d.status = :status)
              AND (CAST(:customerId AS bigint) IS NULL OR d.customer_id = :customerId)
              AND (CAST(:assignedTo AS text) IS NULL OR s.assigned_to = :assignedTo)
            ORDER BY (d.status = 'RESOLVED'), s.due_on NULLS LAST, d.raised_on, d.id
            LIMIT 1000
            """;

    private final JdbcClient jdbc;

    DisputeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            long customerId,
            long invoiceId,
            DisputeReason reason,
            BigDecimal amount,
            LocalDate raisedOn,
            @Nullable String note,
            DisputeStatus status,
            String by) {
        return jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("invoiceId", invoiceId)
                .param("reason", reason.name())
                .param("amount", amount)
                .param("raisedOn", raisedOn)
                .param("note", note)
                .param("status", status.name())
                .param("by", by)
                .query(Long.class)
                .single();
    }

    BigDecimal disputedOpen(long invoiceId) {
        return jdbc.sql(DISPUTED_OPEN)
                .param("invoiceId", invoiceId)
                .query(BigDecimal.class)
                .single();
    }

    Optional<ServiceUser> serviceUser() {
        return jdbc.sql(SERVICE_USER)
                .query((rs, n) -> new ServiceUser(rs.getString("username"), rs.getString("email")))
                .optional();
    }

    void insertCase(long disputeId, long customerId, @Nullable String assignedTo, LocalDate openedOn, LocalDate dueOn) {
        jdbc.sql(INSERT_CASE)
                .param("disputeId", disputeId)
                .param("customerId", customerId)
                .param("assignedTo", assignedTo)
                .param("openedOn", openedOn)
                .param("dueOn", dueOn)
                .update();
    }

    void queueMail(long customerId, String recipient, String subject, String body, String key) {
        jdbc.sql(QUEUE_MAIL)
                .param("customerId", customerId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("key", key)
                .update();
    }

    Optional<StoredDispute> lock(long id) {
        if (jdbc.sql(LOCK).param("id", id).query(Long.class).optional().isEmpty()) return Optional.empty();
        return find(id);
    }

    Optional<StoredDispute> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id")
                .param("id", id)
                .query(DisputeRepository::map)
                .optional();
    }

    boolean resolve(
            long id,
            DisputeOutcome outcome,
            @Nullable BigDecimal creditNoteAmount,
            LocalDate on,
            @Nullable String note) {
        int n = jdbc.sql(RESOLVE)
                .param("id", id)
                .param("outcome", outcome.name())
                .param("creditNoteAmount", creditNoteAmount)
                .param("on", on)
                .param("note", note)
                .update();
        jdbc.sql(CLOSE_CASE).param("id", id).param("on", on).update();
        return n == 1;
    }

    List<Dispute> list(
            String[] areas, @Nullable DisputeStatus status, @Nullable Long customerId, @Nullable String assignedTo) {
        return jdbc.sql(LIST)
                .param("areas", areas)
                .param("status", status == null ? null : status.name())
                .param("customerId", customerId)
                .param("assignedTo", assignedTo)
                .query((rs, n) -> map(rs, n).dispute())
                .list();
    }

    static StoredDispute map(ResultSet rs, int row) throws SQLException {
        long caseId = rs.getLong("case_id");
        ServiceCase serviceCase = rs.wasNull()
                ? null
                : new ServiceCase(
                        caseId,
                        rs.getString("assigned_to"),
                        rs.getObject("opened_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("case_status"));
        String outcome = rs.getString("outcome");
        long id = rs.getLong("id");
        return new StoredDispute(
                rs.getLong("customer_id"),
                rs.getLong("invoice_id"),
                new Dispute(
                        id,
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("invoice_no"),
                        DisputeReason.valueOf(rs.getString("reason")),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency").trim(),
                        rs.getObject("raised_on", LocalDate.class),
                        rs.getString("note"),
                        DisputeStatus.valueOf(rs.getString("status")),
                        outcome == null ? null : DisputeOutcome.valueOf(outcome),
                        rs.getBigDecimal("credit_note_amount"),
                        "CREDIT_NOTE".equals(outcome) ? Disputes.creditNoteNo(id) : null,
                        rs.getObject("resolved_on", LocalDate.class),
                        serviceCase));
    }
}
