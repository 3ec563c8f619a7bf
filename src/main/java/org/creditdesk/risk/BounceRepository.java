package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.creditdesk.ledger.OpenItem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BounceRepository {

    private static final String INSERT = """
            INSERT INTO cheque_bounce (customer_id, payment_no, cheque_no, amount, currency, bounced_on, reason, outcome,
                                       recorded_at)
            VALUES (:customerId, :paymentNo, :chequeNo, :amount, :currency, :bouncedOn, :reason, :outcome, :at)
            """;
    private static final String COUNT_WITHIN = """
            SELECT count(*) FROM cheque_bounce
            WHERE customer_id = :customerId AND bounced_on BETWEEN :from AND :to
            """;
    /** Bounces per customer in a window, for the whole portfolio at once (the scorecard's factor). */
    static final String COUNTS_WITHIN = """
            SELECT customer_id, count(*) AS bounces FROM cheque_bounce
            WHERE bounced_on BETWEEN :from AND :to
            GROUP BY customer_id
            """;

    private static final String STOPPED_FOR_GOOD = """
            SELECT min(bounced_on) FROM cheque_bounce WHERE customer_id = :customerId AND outcome = 'STOPPED_FOR_GOOD'
            """;
    // Locks the open bounces so that two reinstatements cannot both cut the limit.
    private static final String MARK_REINSTATED = """
            UPDATE cheque_bounce
            SET reinstated_by = :by, reinstated_at = :at, reinstatement_note = :note
            WHERE customer_id = :customerId AND outcome = 'STOPPED' AND reinstated_at IS NULL
            RETURNING payment_no
            """;
    private static final String MARK_FOR_RECOVERY = """
            INSERT INTO recovery_item (legal_case_id, customer_id, invoice_no, open_amount, currency, marked_on)
            SELECT :caseId, :customerId, i, a, c, :markedOn
            FROM unnest(CAST(:invoiceNos AS text[]), CAST(:amounts AS numeric[]), CAST(:currencies AS text[])) AS t (i, a, c)
            ON CONFLICT (legal_case_id, invoice_no) DO NOTHING
            """;

    private final JdbcClient jdbc;

    BounceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            long customerId,
            String paymentNo,
            @Nullable String chequeNo,
            BigDecimal amount,
            String currency,
            LocalDate bouncedOn,
            String reason,
            BounceOutcome outcome,
            OffsetDateTime at) {
        jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("paymentNo", paymentNo)
                .param("chequeNo", chequeNo)
                .param("amount", amount)
                .param("currency", currency)
                .param("bouncedOn", bouncedOn)
                .param("reason", reason)
                .param("outcome", outcome.name())
                .param("at", at)
                .update();
    }

    int countWithin(long customerId, LocalDate from, LocalDate to) {
        return jdbc.sql(COUNT_WITHIN)
                .param("customerId", customerId)
                .param("from", from)
                .param("to", to)
                .query(Integer.class)
                .single();
    }

    Map<Long, Integer> countsWithin(LocalDate from, LocalDate to) {
        return jdbc
                .sql(COUNTS_WITHIN)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> Map.entry(rs.getLong("customer_id"), rs.getInt("bounces")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Nullable
    LocalDate stoppedForGoodOn(long customerId) {
        return jdbc.sql(STOPPED_FOR_GOOD)
                .param("customerId", customerId)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
    }

    List<String> markReinstated(long customerId, String by, OffsetDateTime at, String note) {
        return jdbc.sql(MARK_REINSTATED)
                .param("customerId", customerId)
                .param("by", by)
                .param("at", at)
                .param("note", note)
                .query(String.class)
                .list();
    }

    void markForRecovery(long caseId, long customerId, LocalDate markedOn, List<OpenItem> items) {
        if (items.isEmpty()) return;
        jdbc.sql(MARK_FOR_RECOVERY)
                .param("caseId", caseId)
                .param("customerId", customerId)
                .param("markedOn", markedOn)
                .param("invoiceNos", items.stream().map(OpenItem::invoiceNo).toArray(String[]::new))
                .param(
                        "amounts",
                        items.stream().map(i -> i.openAmount().toPlainString()).toArray(String[]::new))
                .param("currencies", items.stream().map(OpenItem::currency).toArray(String[]::new))
                .update();
    }
}
