package org.creditdesk.collections;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PromiseRepository {

    /** A promise to evaluate: what it asks and what was paid towards it as of the date. */
    record Evaluation(long id, BigDecimal amount, LocalDate promisedOn, BigDecimal paid, PromiseStatus status) {}

    private static final String SELECT = """
            SELECT p.id, c.code, p.made_on, p.promised_on, p.amount, p.currency, p.contact_id, p.written, p.note,
                   p.status, p.paid_amount, p.evaluated_on,
                   ARRAY(SELECT i.invoice_no FROM payment_promise_invoice pi
                         JOIN collections_invoice i ON i.id = pi.invoice_id
                         WHERE pi.promise_id = p.id ORDER BY i.invoice_no) AS invoice_nos
            FROM payment_promise p
            JOIN customer c ON c.id = p.customer_id
            """;
    private static final String INSERT = """
            INSERT INTO payment_promise (customer_id, promised_on, amount, currency, contact_id, written, note, made_on,
                                         created_by)
            VALUES (:customerId, :promisedOn, :amount, :currency, :contactId, :written, :note, :madeOn, :by)
            RETURNING id
            """;
    private static final String LINK = """
            INSERT INTO payment_promise_invoice (promise_id, invoice_id)
            SELECT :promiseId, unnest(CAST(:invoiceIds AS bigint[]))
            """;
    // Promises still open, and those this date evaluated already (a rerun gives the same answer). A later
    // date's evaluation is never overwritten by an earlier one.
    private static final String TO_EVALUATE = """
            SELECT p.id, p.amount, p.promised_on, p.status,
                   coalesce(sum(pay.amount), 0) AS paid
            FROM payment_promise p
            LEFT JOIN collections_payment pay
                   ON pay.customer_id = p.customer_id
                  AND pay.currency = p.currency
                  AND pay.received_on >= p.made_on
                  AND pay.received_on <= least(p.promised_on, :asOf)
                  AND (pay.status <> 'BOUNCED' OR pay.bounced_on > :asOf)
            WHERE p.made_on <= :asOf
              AND (p.status = 'OPEN' OR p.evaluated_on = :asOf)
              AND (p.evaluated_on IS NULL OR p.evaluated_on <= :asOf)
            GROUP BY p.id
            """;
    private static final String UPDATE = """
            UPDATE payment_promise p
            SET status = u.status, paid_amount = u.paid, evaluated_on = :asOf
            FROM unnest(CAST(:ids AS bigint[]), CAST(:statuses AS text[]), CAST(:paids AS numeric[]))
                 AS u (id, status, paid)
            WHERE p.id = u.id
            """;
    private static final String NOTIFY_BROKEN = """
            INSERT INTO collections_mail (customer_id, recipient, subject, body, dedup_key)
            SELECT p.customer_id, u.email,
                   'Broken promise to pay: ' || c.code || ' ' || c.name,
                   c.name || ' (' || c.code || ') promised ' || p.amount || ' ' || p.currency || ' by ' || p.promised_on
                       || ' and paid ' || p.paid_amount || '. The customer is at the top of the worklist.',
                   'promise-broken-' || p.id
            FROM payment_promise p
            JOIN customer c ON c.id = p.customer_id
            JOIN user_role r ON r.role IN ('COLLECTOR', 'SALES_REP')
            JOIN app_user u ON u.id = r.user_id AND u.enabled AND u.email IS NOT NULL
            WHERE p.id = ANY(:ids)
              AND (NOT EXISTS (SELECT 1 FROM user_area a WHERE a.user_id = u.id)
                   OR EXISTS (SELECT 1 FROM user_area a WHERE a.user_id = u.id AND a.area_code = c.area_code))
            ON CONFLICT (dedup_key, recipient) DO NOTHING
            """;
    private static final String LIST = SELECT + """
            WHERE (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(:areas))
              AND (CAST(:status AS text) IS NULL OR p.status = :status)
              AND (CAST(:customerId AS bigint) IS NULL OR p.customer_id = :customerId)
              AND (CAST(:from AS date) IS NULL OR p.promised_on >= :from)
              AND (CAST(:to AS date) IS NULL OR p.promised_on <= :to)
            ORDER BY p.promised_on, p.id
            LIMIT 1000
            """;

    private final JdbcClient jdbc;

    PromiseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long customerId, Promise p, List<Long> invoiceIds, String by) {
        long id = jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("promisedOn", p.promisedOn())
                .param("amount", p.amount())
                .param("currency", p.currency())
                .param("contactId", p.contactId())
                .param("written", p.written())
                .param("note", p.note())
                .param("madeOn", p.madeOn())
                .param("by", by)
                .query(Long.class)
                .single();
        if (!invoiceIds.isEmpty()) {
            jdbc.sql(LINK)
                    .param("promiseId", id)
                    .param("invoiceIds", invoiceIds.toArray(Long[]::new))
                    .update();
        }
        return id;
    }

    Optional<Promise> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id")
                .param("id", id)
                .query(PromiseRepository::map)
                .optional();
    }

    List<Promise> list(
            String[] areas,
            @Nullable PromiseStatus status,
            @Nullable Long customerId,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {
        return jdbc.sql(LIST)
                .param("areas", areas)
                .param("status", status == null ? null : status.name())
                .param("customerId", customerId)
                .param("from", from)
                .param("to", to)
                .query(PromiseRepository::map)
                .list();
    }

    List<Evaluation> toEvaluate(LocalDate asOf) {
        return jdbc.sql(TO_EVALUATE)
                .param("asOf", asOf)
                .query((rs, n) -> new Evaluation(
                        rs.getLong("id"),
                        rs.getBigDecimal("amount"),
                        rs.getObject("promised_on", LocalDate.class),
                        rs.getBigDecimal("paid"),
                        PromiseStatus.valueOf(rs.getString("status"))))
                .list();
    }

    void update(LocalDate asOf, List<Evaluation> evaluated) {
        if (evaluated.isEmpty()) return;
        jdbc.sql(UPDATE)
                .param("asOf", asOf)
                .param("ids", evaluated.stream().map(Evaluation::id).toArray(Long[]::new))
                .param(
                        "statuses",
                        evaluated.stream().map(e -> e.status().name()).toArray(String[]::new))
                .param("paids", evaluated.stream().map(Evaluation::paid).toArray(BigDecimal[]::new))
                .update();
    }

    int notifyBroken(List<Long> ids) {
        if (ids.isEmpty()) return 0;
        return jdbc.sql(NOTIFY_BROKEN).param("ids", ids.toArray(Long[]::new)).update();
    }

    static Promise map(ResultSet rs, int row) throws SQLException {
        return new Promise(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getObject("made_on", LocalDate.class),
                rs.getObject("promised_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                Arrays.asList((String[]) rs.getArray("invoice_nos").getArray()),
                rs.getObject("contact_id", Long.class),
                rs.getBoolean("written"),
                rs.getString("note"),
                PromiseStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("paid_amount"),
                rs.getObject("evaluated_on", LocalDate.class));
    }
}
