package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApprovalRepository {

    /** The newest recorded state of one step of one invoice. */
    record StepRow(long invoiceId, ApprovalStep step) {}

    private static final String CHAIN = "SELECT steps FROM customer_approval_chain WHERE customer_id = :customerId";
    private static final String SET_CHAIN = """
            INSERT INTO customer_approval_chain (customer_id, steps) VALUES (:customerId, CAST(:steps AS text[]))
            ON CONFLICT (customer_id) DO UPDATE SET steps = EXCLUDED.steps, updated_at = now()
            """;
    private static final String CURRENT = """
            SELECT DISTINCT ON (s.invoice_id, s.chain_role)
                   s.invoice_id, s.chain_role, s.contact_id, k.name AS contact_name, s.status, s.since, s.note
            FROM invoice_approval_step s
            LEFT JOIN customer_contact k ON k.id = s.contact_id
            WHERE s.invoice_id = ANY(:invoiceIds)
            ORDER BY s.invoice_id, s.chain_role, s.id DESC
            """;
    private static final String INSERT = """
            INSERT INTO invoice_approval_step (customer_id, invoice_id, chain_role, status, since, contact_id, note,
                                               recorded_by)
            VALUES (:customerId, :invoiceId, :chainRole, :status, :since, :contactId, :note, :by)
            """;

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<List<ChainRole>> chainOf(long customerId) {
        return jdbc.sql(CHAIN)
                .param("customerId", customerId)
                .query((rs, n) -> Arrays.stream((String[]) rs.getArray("steps").getArray())
                        .map(ChainRole::valueOf)
                        .toList())
                .optional();
    }

    void setChain(long customerId, List<ChainRole> steps) {
        jdbc.sql(SET_CHAIN)
                .param("customerId", customerId)
                .param("steps", steps.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    List<StepRow> current(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) return List.of();
        return jdbc.sql(CURRENT)
                .param("invoiceIds", invoiceIds.toArray(Long[]::new))
                .query((rs, n) -> new StepRow(
                        rs.getLong("invoice_id"),
                        new ApprovalStep(
                                ChainRole.valueOf(rs.getString("chain_role")),
                                rs.getObject("contact_id", Long.class),
                                rs.getString("contact_name"),
                                StepStatus.valueOf(rs.getString("status")),
                                rs.getObject("since", LocalDate.class),
                                rs.getString("note"))))
                .list();
    }

    void insert(
            long customerId,
            long invoiceId,
            ChainRole role,
            StepStatus status,
            LocalDate since,
            @Nullable Long contactId,
            @Nullable String note,
            String by) {
        jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("invoiceId", invoiceId)
                .param("chainRole", role.name())
                .param("status", status.name())
                .param("since", since)
                .param("contactId", contactId)
                .param("note", note)
                .param("by", by)
                .update();
    }
}
